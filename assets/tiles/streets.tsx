<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="streets" tilewidth="16" tileheight="16" tilecount="53" columns="8">
 <image source="streets.png" width="128" height="112"/>
 <tile id="0" probability="1.2">
  <properties>
   <property name="name" value="asphalt"/>
  </properties>
 </tile>
 <tile id="1" probability="0.8">
  <properties>
   <property name="name" value="asphalt_b"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="name" value="asphalt_oil"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="name" value="lane_dash_h"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="name" value="lane_dash_v"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="name" value="lane_double_h"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="name" value="lane_double_v"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="name" value="crosswalk_v"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="name" value="crosswalk_h"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="name" value="sidewalk"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="name" value="curb_s"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="name" value="curb_n"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="name" value="curb_e"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="name" value="curb_w"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="name" value="roof"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="name" value="roof_edge_n"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="name" value="roof_edge_s"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="name" value="roof_edge_w"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="name" value="roof_edge_e"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="name" value="roof_vent"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="19" duration="150"/>
   <frame tileid="20" duration="150"/>
  </animation>
 </tile>
 <tile id="20">
  <properties>
   <property name="name" value="roof_vent_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="name" value="building_wall"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="21" duration="2000"/>
   <frame tileid="22" duration="1200"/>
  </animation>
 </tile>
 <tile id="22">
  <properties>
   <property name="name" value="building_wall_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="name" value="rail_h"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="name" value="rail_v"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="name" value="rail_crossing"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="name" value="crossing_light"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="26" duration="400"/>
   <frame tileid="27" duration="400"/>
  </animation>
 </tile>
 <tile id="27">
  <properties>
   <property name="name" value="crossing_light_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="name" value="barrier_down"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="29">
  <properties>
   <property name="name" value="barrier_up"/>
  </properties>
 </tile>
 <tile id="30">
  <properties>
   <property name="name" value="traffic_light"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="30" duration="1500"/>
   <frame tileid="31" duration="500"/>
   <frame tileid="32" duration="1500"/>
  </animation>
 </tile>
 <tile id="31">
  <properties>
   <property name="name" value="traffic_light_y"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="name" value="traffic_light_r"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="33">
  <properties>
   <property name="name" value="terminal_floor"/>
  </properties>
 </tile>
 <tile id="34">
  <properties>
   <property name="name" value="lockers"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="name" value="lockers_open"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="name" value="bench"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="name" value="hydrant"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="38">
  <properties>
   <property name="name" value="manhole"/>
  </properties>
 </tile>
 <tile id="39">
  <properties>
   <property name="name" value="bus_stop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="40">
  <properties>
   <property name="name" value="streetlight"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="41">
  <properties>
   <property name="name" value="asphalt_snow"/>
  </properties>
 </tile>
 <tile id="42">
  <properties>
   <property name="name" value="grass"/>
  </properties>
 </tile>
 <tile id="43">
  <properties>
   <property name="name" value="crossing_light_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="43" duration="400"/>
   <frame tileid="44" duration="400"/>
  </animation>
 </tile>
 <tile id="44">
  <properties>
   <property name="name" value="crossing_light_b_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="45">
  <properties>
   <property name="name" value="barrier_down_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="46">
  <properties>
   <property name="name" value="barrier_up_prop"/>
  </properties>
 </tile>
 <tile id="47">
  <properties>
   <property name="name" value="traffic_light_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="47" duration="1500"/>
   <frame tileid="48" duration="500"/>
   <frame tileid="49" duration="1500"/>
  </animation>
 </tile>
 <tile id="48">
  <properties>
   <property name="name" value="traffic_light_y_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="49">
  <properties>
   <property name="name" value="traffic_light_r_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="50">
  <properties>
   <property name="name" value="hydrant_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="51">
  <properties>
   <property name="name" value="bus_stop_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="52">
  <properties>
   <property name="name" value="streetlight_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <wangsets>
  <wangset name="terrains" type="corner" tile="-1">
   <wangcolor name="asphalt" color="#2c2e34" tile="0" probability="1"/>
   <wangtile tileid="0" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="1" wangid="0,1,0,1,0,1,0,1"/>
  </wangset>
 </wangsets>
</tileset>
