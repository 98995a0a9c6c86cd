<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="road" tilewidth="16" tileheight="16" tilecount="54" columns="8">
 <image source="road.png" width="128" height="112"/>
 <tile id="0" probability="1">
  <properties>
   <property name="name" value="asphalt"/>
  </properties>
 </tile>
 <tile id="1" probability="1">
  <properties>
   <property name="name" value="asphalt_b"/>
  </properties>
 </tile>
 <tile id="2" probability="0.5">
  <properties>
   <property name="name" value="asphalt_wet"/>
  </properties>
 </tile>
 <tile id="3" probability="0.15">
  <properties>
   <property name="name" value="asphalt_crack"/>
  </properties>
 </tile>
 <tile id="4" probability="0.12">
  <properties>
   <property name="name" value="asphalt_patch"/>
  </properties>
 </tile>
 <tile id="5" probability="0.15">
  <properties>
   <property name="name" value="asphalt_puddle"/>
  </properties>
 </tile>
 <tile id="6" probability="0.06">
  <properties>
   <property name="name" value="asphalt_oil"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="name" value="manhole"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="name" value="lane_dash"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="name" value="edge_line_n"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="name" value="edge_line_s"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="name" value="centre_line"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="name" value="centre_line_b"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="name" value="skid_marks"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="name" value="glass"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="name" value="kerb_n"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="name" value="kerb_s"/>
  </properties>
 </tile>
 <tile id="17" probability="1">
  <properties>
   <property name="name" value="grass"/>
  </properties>
 </tile>
 <tile id="18" probability="1">
  <properties>
   <property name="name" value="grass_b"/>
  </properties>
 </tile>
 <tile id="19" probability="0.3">
  <properties>
   <property name="name" value="grass_weeds"/>
  </properties>
 </tile>
 <tile id="20" probability="0.15">
  <properties>
   <property name="name" value="grass_mud"/>
  </properties>
 </tile>
 <tile id="21" probability="0.08">
  <properties>
   <property name="name" value="grass_litter"/>
  </properties>
 </tile>
 <tile id="22" probability="1">
  <properties>
   <property name="name" value="gravel"/>
  </properties>
 </tile>
 <tile id="23" probability="0.8">
  <properties>
   <property name="name" value="gravel_b"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="name" value="warehouse_wall"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="name" value="warehouse_wall_rust"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="name" value="warehouse_shutter"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="name" value="warehouse_roof"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="name" value="wall_lamp"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="28" duration="1700"/>
   <frame tileid="29" duration="90"/>
   <frame tileid="28" duration="260"/>
   <frame tileid="29" duration="70"/>
  </animation>
 </tile>
 <tile id="29">
  <properties>
   <property name="name" value="wall_lamp_dim"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="30">
  <properties>
   <property name="name" value="fence"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="name" value="fence_post"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="name" value="scrub"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="33">
  <properties>
   <property name="name" value="lamp_post"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="34">
  <properties>
   <property name="name" value="lamp_post_gravel"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="name" value="lamp_head_prop"/>
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="name" value="barrier"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="name" value="barrier_w"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="38">
  <properties>
   <property name="name" value="barrier_e"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="39">
  <properties>
   <property name="name" value="guardrail"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="40">
  <properties>
   <property name="name" value="drum_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="41">
  <properties>
   <property name="name" value="cone_prop"/>
  </properties>
 </tile>
 <tile id="42" probability="1">
  <properties>
   <property name="name" value="underpass"/>
  </properties>
 </tile>
 <tile id="43" probability="1">
  <properties>
   <property name="name" value="underpass_b"/>
  </properties>
 </tile>
 <tile id="44" probability="0.2">
  <properties>
   <property name="name" value="underpass_drip"/>
  </properties>
 </tile>
 <tile id="45">
  <properties>
   <property name="name" value="underpass_dash"/>
  </properties>
 </tile>
 <tile id="46">
  <properties>
   <property name="name" value="abutment"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="47">
  <properties>
   <property name="name" value="abutment_tag"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="48">
  <properties>
   <property name="name" value="abutment_base"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="49">
  <properties>
   <property name="name" value="abutment_top"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="50">
  <properties>
   <property name="name" value="rail_deck"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="51">
  <properties>
   <property name="name" value="rail_deck_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="52">
  <properties>
   <property name="name" value="pillar"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="53">
  <properties>
   <property name="name" value="girder_prop"/>
  </properties>
 </tile>
 <wangsets>
  <wangset name="terrains" type="corner" tile="-1">
   <wangcolor name="asphalt" color="#30323a" tile="0" probability="1"/>
   <wangcolor name="verge" color="#305832" tile="17" probability="1"/>
   <wangcolor name="gravel" color="#63594a" tile="22" probability="1"/>
   <wangcolor name="underpass" color="#252932" tile="42" probability="1"/>
   <wangtile tileid="0" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="1" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="2" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="3" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="4" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="5" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="6" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="17" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="18" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="19" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="20" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="21" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="22" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="23" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="42" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="43" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="44" wangid="0,4,0,4,0,4,0,4"/>
  </wangset>
 </wangsets>
</tileset>
