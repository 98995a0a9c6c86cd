<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="bathhouse" tilewidth="16" tileheight="16" tilecount="53" columns="8">
 <image source="bathhouse.png" width="128" height="112"/>
 <tile id="0">
  <properties>
   <property name="name" value="floor"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="name" value="floor_cracked"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="name" value="floor_wet"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="name" value="drain"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="name" value="wall"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="name" value="wall_top"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="name" value="wall_tiled"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="name" value="window_snow"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="name" value="pool"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="8" duration="400"/>
   <frame tileid="9" duration="400"/>
   <frame tileid="10" duration="400"/>
  </animation>
 </tile>
 <tile id="9">
  <properties>
   <property name="name" value="pool_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="name" value="pool_c"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="name" value="pool_edge_n"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="name" value="pool_edge_s"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="name" value="pool_edge_w"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="name" value="pool_edge_e"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="name" value="pool_corner_nw"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="name" value="pool_corner_ne"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="name" value="pool_corner_sw"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="name" value="pool_corner_se"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="name" value="steam_vent"/>
  </properties>
  <animation>
   <frame tileid="19" duration="300"/>
   <frame tileid="20" duration="200"/>
   <frame tileid="21" duration="200"/>
   <frame tileid="22" duration="300"/>
  </animation>
 </tile>
 <tile id="20">
  <properties>
   <property name="name" value="steam_vent_b"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="name" value="steam_vent_c"/>
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="name" value="steam_vent_d"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="name" value="bench_left"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="name" value="bench_mid"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="name" value="bench_right"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="name" value="column"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="name" value="locker"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="name" value="locker_open"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="29">
  <properties>
   <property name="name" value="snow"/>
  </properties>
 </tile>
 <tile id="30">
  <properties>
   <property name="name" value="snow_b"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="name" value="snow_edge"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="name" value="stove"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="32" duration="350"/>
   <frame tileid="33" duration="250"/>
  </animation>
 </tile>
 <tile id="33">
  <properties>
   <property name="name" value="stove_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="34">
  <properties>
   <property name="name" value="bucket"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="name" value="door"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="name" value="doorway"/>
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="name" value="mat"/>
  </properties>
 </tile>
 <tile id="38">
  <properties>
   <property name="name" value="towels"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="39">
  <properties>
   <property name="name" value="steam_vent_prop"/>
  </properties>
  <animation>
   <frame tileid="39" duration="300"/>
   <frame tileid="40" duration="200"/>
   <frame tileid="41" duration="200"/>
   <frame tileid="42" duration="300"/>
  </animation>
 </tile>
 <tile id="40">
  <properties>
   <property name="name" value="steam_vent_b_prop"/>
  </properties>
 </tile>
 <tile id="41">
  <properties>
   <property name="name" value="steam_vent_c_prop"/>
  </properties>
 </tile>
 <tile id="42">
  <properties>
   <property name="name" value="steam_vent_d_prop"/>
  </properties>
 </tile>
 <tile id="43">
  <properties>
   <property name="name" value="bench_left_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="44">
  <properties>
   <property name="name" value="bench_mid_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="45">
  <properties>
   <property name="name" value="bench_right_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="46">
  <properties>
   <property name="name" value="column_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="47">
  <properties>
   <property name="name" value="stove_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="47" duration="350"/>
   <frame tileid="48" duration="250"/>
  </animation>
 </tile>
 <tile id="48">
  <properties>
   <property name="name" value="stove_b_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="49">
  <properties>
   <property name="name" value="bucket_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="50">
  <properties>
   <property name="name" value="towels_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="51">
  <properties>
   <property name="name" value="mat_prop"/>
  </properties>
 </tile>
 <tile id="52">
  <properties>
   <property name="name" value="drain_prop"/>
  </properties>
 </tile>
</tileset>
