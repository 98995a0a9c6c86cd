<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="hospital" tilewidth="16" tileheight="16" tilecount="17" columns="8">
 <image source="hospital.png" width="128" height="48"/>
 <tile id="0">
  <properties>
   <property name="name" value="lino"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="name" value="lino_stripe"/>
  </properties>
 </tile>
 <tile id="2">
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
 <tile id="4">
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
</tileset>
