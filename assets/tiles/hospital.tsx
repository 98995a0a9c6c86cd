<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="hospital" tilewidth="16" tileheight="16" tilecount="43" columns="8">
 <image source="hospital.png" width="128" height="96"/>
 <tile id="0" probability="1.2">
  <properties>
   <property name="name" value="lino"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="name" value="lino_stripe"/>
  </properties>
 </tile>
 <tile id="2" probability="1.2">
  <properties>
   <property name="name" value="ward_floor"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="name" value="wall"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="4" probability="1.2">
  <properties>
   <property name="name" value="wall_top"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="name" value="window"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="name" value="bed_head_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="name" value="bed_foot_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="name" value="curtain"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="name" value="desk_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="name" value="monitor_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="10" duration="400"/>
   <frame tileid="11" duration="400"/>
  </animation>
 </tile>
 <tile id="11">
  <properties>
   <property name="name" value="monitor_b_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="name" value="doorway"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="name" value="exit_doors"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="name" value="chair_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="name" value="plant_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="name" value="cart_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="17" probability="1">
  <properties>
   <property name="name" value="lino_b"/>
  </properties>
 </tile>
 <tile id="18" probability="0.2">
  <properties>
   <property name="name" value="lino_scuff"/>
  </properties>
 </tile>
 <tile id="19" probability="0.08">
  <properties>
   <property name="name" value="lino_crack"/>
  </properties>
 </tile>
 <tile id="20" probability="1">
  <properties>
   <property name="name" value="ward_floor_b"/>
  </properties>
 </tile>
 <tile id="21" probability="0.2">
  <properties>
   <property name="name" value="ward_floor_worn"/>
  </properties>
 </tile>
 <tile id="22" probability="0.05">
  <properties>
   <property name="name" value="ward_floor_stain"/>
  </properties>
 </tile>
 <tile id="23" probability="1.2">
  <properties>
   <property name="name" value="terrazzo"/>
  </properties>
 </tile>
 <tile id="24" probability="1">
  <properties>
   <property name="name" value="terrazzo_b"/>
  </properties>
 </tile>
 <tile id="25" probability="0.3">
  <properties>
   <property name="name" value="terrazzo_shine"/>
  </properties>
 </tile>
 <tile id="26" probability="0.1">
  <properties>
   <property name="name" value="terrazzo_crack"/>
  </properties>
 </tile>
 <tile id="27" probability="1">
  <properties>
   <property name="name" value="station_floor"/>
  </properties>
 </tile>
 <tile id="28" probability="1">
  <properties>
   <property name="name" value="station_floor_b"/>
  </properties>
 </tile>
 <tile id="29" probability="0.2">
  <properties>
   <property name="name" value="station_floor_scuff"/>
  </properties>
 </tile>
 <tile id="30" probability="1">
  <properties>
   <property name="name" value="wall_top_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="name" value="wall_rail"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="name" value="wall_board"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="33">
  <properties>
   <property name="name" value="wall_clock"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="34">
  <properties>
   <property name="name" value="wall_sign"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="name" value="counter_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="name" value="files_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="name" value="wheelchair_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="38">
  <properties>
   <property name="name" value="iv_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="39">
  <properties>
   <property name="name" value="bench_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="40">
  <properties>
   <property name="name" value="mat_prop"/>
  </properties>
 </tile>
 <tile id="41">
  <properties>
   <property name="name" value="table_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="42">
  <properties>
   <property name="name" value="screen_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <wangsets>
  <wangset name="terrains" type="corner" tile="-1">
   <wangcolor name="lino" color="#c0cec8" tile="0" probability="1"/>
   <wangcolor name="ward" color="#e2e9e5" tile="2" probability="1"/>
   <wangcolor name="walltop" color="#3a4c49" tile="4" probability="1"/>
   <wangcolor name="terrazzo" color="#d1cbbe" tile="23" probability="1"/>
   <wangcolor name="station" color="#a3bbc7" tile="27" probability="1"/>
   <wangtile tileid="0" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="17" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="18" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="19" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="2" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="20" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="21" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="22" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="4" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="30" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="23" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="24" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="25" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="26" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="27" wangid="0,5,0,5,0,5,0,5"/>
   <wangtile tileid="28" wangid="0,5,0,5,0,5,0,5"/>
   <wangtile tileid="29" wangid="0,5,0,5,0,5,0,5"/>
  </wangset>
 </wangsets>
</tileset>
