<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="locksmith" tilewidth="16" tileheight="16" tilecount="28" columns="8">
 <image source="locksmith.png" width="128" height="64"/>
 <tile id="0">
  <properties>
   <property name="name" value="floor"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="name" value="floor_b"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="name" value="wall"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="name" value="wall_top"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="name" value="counter_left"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="name" value="counter"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="name" value="counter_right"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="name" value="register"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="name" value="key_board"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="9">
  <properties>
   <property name="name" value="key_board_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="name" value="shelves"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="name" value="workbench"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="name" value="workbench_vise"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="name" value="grinder"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="13" duration="90"/>
   <frame tileid="14" duration="90"/>
   <frame tileid="15" duration="90"/>
  </animation>
 </tile>
 <tile id="14">
  <properties>
   <property name="name" value="grinder_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="name" value="grinder_c"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="name" value="lamp_light"/>
  </properties>
  <animation>
   <frame tileid="16" duration="1500"/>
   <frame tileid="17" duration="90"/>
   <frame tileid="16" duration="200"/>
   <frame tileid="17" duration="60"/>
  </animation>
 </tile>
 <tile id="17">
  <properties>
   <property name="name" value="lamp_dim"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="name" value="door"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="name" value="doorway"/>
  </properties>
 </tile>
 <tile id="20">
  <properties>
   <property name="name" value="window"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="name" value="crate"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="name" value="stool"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="name" value="key_cabinet"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="name" value="mat"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="name" value="crate_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="name" value="stool_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="name" value="mat_prop"/>
  </properties>
 </tile>
</tileset>
