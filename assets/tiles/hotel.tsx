<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="hotel" tilewidth="16" tileheight="16" tilecount="40" columns="8">
 <image source="hotel.png" width="128" height="80"/>
 <tile id="0">
  <properties>
   <property name="name" value="carpet"/>
  </properties>
 </tile>
 <tile id="1">
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
 <tile id="5">
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
 <tile id="25">
  <properties>
   <property name="name" value="bath_floor"/>
  </properties>
 </tile>
 <tile id="26">
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
</tileset>
