<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="base" tilewidth="16" tileheight="16" tilecount="16" columns="8">
 <image source="base.png" width="128" height="32"/>
 <tile id="1"><properties><property name="solid" type="bool" value="true"/></properties></tile>
 <tile id="3">
  <properties><property name="solid" type="bool" value="true"/></properties>
  <animation><frame tileid="3" duration="400"/><frame tileid="4" duration="400"/></animation>
 </tile>
 <tile id="4"><properties><property name="solid" type="bool" value="true"/></properties></tile>
 <tile id="5"><properties><property name="solid" type="bool" value="true"/></properties></tile>
 <tile id="11"><properties><property name="solid" type="bool" value="true"/></properties></tile>
</tileset>
