<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="hotel" tilewidth="16" tileheight="16" tilecount="68" columns="8">
 <image source="hotel.png" width="128" height="144"/>
 <tile id="0" probability="1.2">
  <properties>
   <property name="name" value="carpet"/>
  </properties>
 </tile>
 <tile id="1" probability="0.4">
  <properties>
   <property name="name" value="carpet_worn"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="name" value="runner_h"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="name" value="runner_v"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="name" value="wall"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="5" probability="1.2">
  <properties>
   <property name="name" value="wall_top"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="name" value="window"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="6" duration="900"/>
   <frame tileid="7" duration="300"/>
  </animation>
 </tile>
 <tile id="7">
  <properties>
   <property name="name" value="window_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="name" value="door"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="name" value="door_open"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="name" value="bed_head"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="name" value="bed_foot"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="name" value="nightstand"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="name" value="lamp"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="13" duration="1200"/>
   <frame tileid="14" duration="80"/>
   <frame tileid="13" duration="160"/>
   <frame tileid="14" duration="60"/>
  </animation>
 </tile>
 <tile id="14">
  <properties>
   <property name="name" value="lamp_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="name" value="elevator"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="15" duration="500"/>
   <frame tileid="16" duration="500"/>
  </animation>
 </tile>
 <tile id="16">
  <properties>
   <property name="name" value="elevator_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="name" value="elevator_open"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="name" value="table"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="name" value="chair"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="20">
  <properties>
   <property name="name" value="plant"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="name" value="tv"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="21" duration="120"/>
   <frame tileid="22" duration="120"/>
   <frame tileid="23" duration="120"/>
  </animation>
 </tile>
 <tile id="22">
  <properties>
   <property name="name" value="tv_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="name" value="tv_c"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="name" value="rug"/>
  </properties>
 </tile>
 <tile id="25" probability="1.2">
  <properties>
   <property name="name" value="bath_floor"/>
  </properties>
 </tile>
 <tile id="26" probability="1.2">
  <properties>
   <property name="name" value="lobby_floor"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="name" value="desk"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="name" value="exit_sign"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="29">
  <properties>
   <property name="name" value="bed_head_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="30">
  <properties>
   <property name="name" value="bed_foot_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="name" value="nightstand_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="name" value="lamp_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="32" duration="1200"/>
   <frame tileid="33" duration="80"/>
   <frame tileid="32" duration="160"/>
   <frame tileid="33" duration="60"/>
  </animation>
 </tile>
 <tile id="33">
  <properties>
   <property name="name" value="lamp_b_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="34">
  <properties>
   <property name="name" value="table_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="name" value="chair_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="name" value="plant_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="name" value="tv_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="37" duration="120"/>
   <frame tileid="38" duration="120"/>
   <frame tileid="39" duration="120"/>
  </animation>
 </tile>
 <tile id="38">
  <properties>
   <property name="name" value="tv_b_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="39">
  <properties>
   <property name="name" value="tv_c_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="40" probability="1">
  <properties>
   <property name="name" value="carpet_b"/>
  </properties>
 </tile>
 <tile id="41" probability="0.12">
  <properties>
   <property name="name" value="carpet_stain"/>
  </properties>
 </tile>
 <tile id="42" probability="1">
  <properties>
   <property name="name" value="lobby_floor_b"/>
  </properties>
 </tile>
 <tile id="43" probability="0.35">
  <properties>
   <property name="name" value="lobby_floor_worn"/>
  </properties>
 </tile>
 <tile id="44" probability="0.25">
  <properties>
   <property name="name" value="lobby_floor_scuff"/>
  </properties>
 </tile>
 <tile id="45" probability="1.2">
  <properties>
   <property name="name" value="bar_floor"/>
  </properties>
 </tile>
 <tile id="46" probability="1">
  <properties>
   <property name="name" value="bar_floor_b"/>
  </properties>
 </tile>
 <tile id="47" probability="0.3">
  <properties>
   <property name="name" value="bar_floor_worn"/>
  </properties>
 </tile>
 <tile id="48" probability="0.12">
  <properties>
   <property name="name" value="bar_floor_spill"/>
  </properties>
 </tile>
 <tile id="49" probability="1">
  <properties>
   <property name="name" value="bath_floor_b"/>
  </properties>
 </tile>
 <tile id="50" probability="0.1">
  <properties>
   <property name="name" value="bath_floor_crack"/>
  </properties>
 </tile>
 <tile id="51" probability="0.08">
  <properties>
   <property name="name" value="bath_floor_grease"/>
  </properties>
 </tile>
 <tile id="52">
  <properties>
   <property name="name" value="bar_counter_l_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="53">
  <properties>
   <property name="name" value="bar_counter_m_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="54">
  <properties>
   <property name="name" value="bar_counter_r_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="55">
  <properties>
   <property name="name" value="stool_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="56">
  <properties>
   <property name="name" value="crate_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="57">
  <properties>
   <property name="name" value="range_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="58">
  <properties>
   <property name="name" value="wall_shelf"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="59">
  <properties>
   <property name="name" value="wall_neon"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="59" duration="900"/>
   <frame tileid="60" duration="70"/>
   <frame tileid="59" duration="140"/>
   <frame tileid="60" duration="50"/>
   <frame tileid="59" duration="1500"/>
  </animation>
 </tile>
 <tile id="60">
  <properties>
   <property name="name" value="wall_neon_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="61">
  <properties>
   <property name="name" value="wall_picture"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="62">
  <properties>
   <property name="name" value="wall_sconce"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="63">
  <properties>
   <property name="name" value="wall_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="64" probability="1">
  <properties>
   <property name="name" value="wall_top_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="65" probability="0.6">
  <properties>
   <property name="name" value="wall_top_c"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="66">
  <properties>
   <property name="name" value="stairs"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="67">
  <properties>
   <property name="name" value="stairs_low"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <wangsets>
  <wangset name="terrains" type="corner" tile="-1">
   <wangcolor name="carpet" color="#7a2832" tile="0" probability="1"/>
   <wangcolor name="walltop" color="#2d2d36" tile="5" probability="1"/>
   <wangcolor name="tiles" color="#bcbabb" tile="25" probability="1"/>
   <wangcolor name="parquet" color="#9d6e44" tile="26" probability="1"/>
   <wangcolor name="barwood" color="#3d2920" tile="45" probability="1"/>
   <wangtile tileid="0" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="1" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="40" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="41" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="5" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="64" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="65" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="25" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="49" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="50" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="51" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="26" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="42" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="43" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="44" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="45" wangid="0,5,0,5,0,5,0,5"/>
   <wangtile tileid="46" wangid="0,5,0,5,0,5,0,5"/>
   <wangtile tileid="47" wangid="0,5,0,5,0,5,0,5"/>
   <wangtile tileid="48" wangid="0,5,0,5,0,5,0,5"/>
  </wangset>
 </wangsets>
</tileset>
