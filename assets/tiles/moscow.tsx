<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="moscow" tilewidth="16" tileheight="16" tilecount="15" columns="8">
 <image source="moscow.png" width="128" height="32"/>
 <tile id="0">
  <properties>
   <property name="name" value="snow"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="name" value="snow_tracks"/>
  </properties>
 </tile>
 <tile id="2">
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
</tileset>
