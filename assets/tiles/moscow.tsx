<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="moscow" tilewidth="16" tileheight="16" tilecount="44" columns="8">
 <image source="moscow.png" width="128" height="96"/>
 <tile id="0" probability="1.2">
  <properties>
   <property name="name" value="snow"/>
  </properties>
 </tile>
 <tile id="1" probability="0.25">
  <properties>
   <property name="name" value="snow_tracks"/>
  </properties>
 </tile>
 <tile id="2" probability="1">
  <properties>
   <property name="name" value="cobbles_snow"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="name" value="brick"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="name" value="brick_top"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="name" value="window_lit"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="5" duration="1600"/>
   <frame tileid="6" duration="140"/>
   <frame tileid="5" duration="300"/>
   <frame tileid="6" duration="90"/>
  </animation>
 </tile>
 <tile id="6">
  <properties>
   <property name="name" value="window_dim"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="name" value="crate_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="name" value="crate_snow_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="name" value="barrel_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="name" value="woodpile_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="name" value="car_tail_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="name" value="car_nose_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="name" value="lamp_post_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="name" value="snow_kerb"/>
  </properties>
 </tile>
 <tile id="15" probability="1">
  <properties>
   <property name="name" value="snow_b"/>
  </properties>
 </tile>
 <tile id="16" probability="0.12">
  <properties>
   <property name="name" value="snow_drift"/>
  </properties>
 </tile>
 <tile id="17" probability="0.2">
  <properties>
   <property name="name" value="snow_trampled"/>
  </properties>
 </tile>
 <tile id="18" probability="0.08">
  <properties>
   <property name="name" value="snow_ice"/>
  </properties>
 </tile>
 <tile id="19" probability="1">
  <properties>
   <property name="name" value="road"/>
  </properties>
 </tile>
 <tile id="20" probability="1">
  <properties>
   <property name="name" value="road_b"/>
  </properties>
 </tile>
 <tile id="21" probability="0.3">
  <properties>
   <property name="name" value="road_rut"/>
  </properties>
 </tile>
 <tile id="22" probability="0.05">
  <properties>
   <property name="name" value="road_manhole"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="name" value="tram_rails"/>
  </properties>
 </tile>
 <tile id="24" probability="1">
  <properties>
   <property name="name" value="cobbles_b"/>
  </properties>
 </tile>
 <tile id="25" probability="0.25">
  <properties>
   <property name="name" value="cobbles_bare"/>
  </properties>
 </tile>
 <tile id="26" probability="1">
  <properties>
   <property name="name" value="concrete"/>
  </properties>
 </tile>
 <tile id="27" probability="1">
  <properties>
   <property name="name" value="concrete_b"/>
  </properties>
 </tile>
 <tile id="28" probability="0.15">
  <properties>
   <property name="name" value="concrete_crack"/>
  </properties>
 </tile>
 <tile id="29" probability="0.1">
  <properties>
   <property name="name" value="concrete_oil"/>
  </properties>
 </tile>
 <tile id="30" probability="0.04">
  <properties>
   <property name="name" value="concrete_snow"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="name" value="concrete_stripe"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="name" value="metal_wall"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="33" probability="1">
  <properties>
   <property name="name" value="metal_top"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="34" probability="0.5">
  <properties>
   <property name="name" value="metal_top_snow"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="name" value="roller_door"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="name" value="rack_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="name" value="pallet_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="38">
  <properties>
   <property name="name" value="window_dark"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="39">
  <properties>
   <property name="name" value="brick_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="40">
  <properties>
   <property name="name" value="kiosk_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="41">
  <properties>
   <property name="name" value="bollard_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="42" probability="1">
  <properties>
   <property name="name" value="wall_cap"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="43" probability="0.6">
  <properties>
   <property name="name" value="wall_cap_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <wangsets>
  <wangset name="terrains" type="corner" tile="-1">
   <wangcolor name="snow" color="#dce3ec" tile="0" probability="1"/>
   <wangcolor name="cobbles" color="#cad0d8" tile="2" probability="1"/>
   <wangcolor name="road" color="#5b626e" tile="19" probability="1"/>
   <wangcolor name="concrete" color="#6d7179" tile="26" probability="1"/>
   <wangcolor name="metaltop" color="#30343e" tile="33" probability="1"/>
   <wangcolor name="wallcap" color="#31353f" tile="42" probability="1"/>
   <wangtile tileid="0" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="1" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="15" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="16" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="17" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="18" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="2" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="24" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="25" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="19" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="20" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="21" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="22" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="26" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="27" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="28" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="29" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="30" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="33" wangid="0,5,0,5,0,5,0,5"/>
   <wangtile tileid="34" wangid="0,5,0,5,0,5,0,5"/>
   <wangtile tileid="42" wangid="0,6,0,6,0,6,0,6"/>
   <wangtile tileid="43" wangid="0,6,0,6,0,6,0,6"/>
  </wangset>
 </wangsets>
</tileset>
