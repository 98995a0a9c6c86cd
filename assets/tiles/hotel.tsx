<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="hotel" tilewidth="16" tileheight="16" tilecount="29" columns="8">
 <image source="hotel.png" width="128" height="64"/>
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
</tileset>
