<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="city" tilewidth="16" tileheight="16" tilecount="43" columns="8">
 <image source="city.png" width="128" height="96"/>
 <tile id="0" probability="1">
  <properties>
   <property name="name" value="roof_tar"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="1" probability="1">
  <properties>
   <property name="name" value="roof_tar_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="2" probability="0.08">
  <properties>
   <property name="name" value="roof_tar_patch"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="3" probability="0.12">
  <properties>
   <property name="name" value="roof_ac"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="4" probability="0.1">
  <properties>
   <property name="name" value="roof_skylight"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="5" probability="1">
  <properties>
   <property name="name" value="roof_metal"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="6" probability="0.2">
  <properties>
   <property name="name" value="roof_metal_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="7" probability="0.8">
  <properties>
   <property name="name" value="roof_metal_c"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="8" probability="1">
  <properties>
   <property name="name" value="roof_gravel"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="9" probability="1">
  <properties>
   <property name="name" value="roof_gravel_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="10" probability="0.08">
  <properties>
   <property name="name" value="water_tank"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="11" probability="0.15">
  <properties>
   <property name="name" value="asphalt_patch"/>
  </properties>
 </tile>
 <tile id="12" probability="0.15">
  <properties>
   <property name="name" value="asphalt_crack"/>
  </properties>
 </tile>
 <tile id="13" probability="0.12">
  <properties>
   <property name="name" value="asphalt_puddle"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="name" value="building_wall_neon"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="14" duration="1100"/>
   <frame tileid="15" duration="80"/>
   <frame tileid="14" duration="120"/>
   <frame tileid="15" duration="60"/>
   <frame tileid="14" duration="2000"/>
  </animation>
 </tile>
 <tile id="15">
  <properties>
   <property name="name" value="building_wall_neon_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="16" probability="1">
  <properties>
   <property name="name" value="sidewalk_b"/>
  </properties>
 </tile>
 <tile id="17" probability="0.15">
  <properties>
   <property name="name" value="sidewalk_crack"/>
  </properties>
 </tile>
 <tile id="18" probability="0.15">
  <properties>
   <property name="name" value="sidewalk_gum"/>
  </properties>
 </tile>
 <tile id="19" probability="0.06">
  <properties>
   <property name="name" value="sidewalk_puddle"/>
  </properties>
 </tile>
 <tile id="20" probability="1.2">
  <properties>
   <property name="name" value="quarry"/>
  </properties>
 </tile>
 <tile id="21" probability="1">
  <properties>
   <property name="name" value="quarry_b"/>
  </properties>
 </tile>
 <tile id="22" probability="0.25">
  <properties>
   <property name="name" value="quarry_worn"/>
  </properties>
 </tile>
 <tile id="23" probability="0.04">
  <properties>
   <property name="name" value="quarry_drain"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="name" value="l_deck_n"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="name" value="l_deck"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="name" value="l_deck_s"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="name" value="l_shadow"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="name" value="l_shadow_light"/>
  </properties>
 </tile>
 <tile id="29">
  <properties>
   <property name="name" value="l_pillar"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="30" probability="1">
  <properties>
   <property name="name" value="yard_ballast"/>
  </properties>
 </tile>
 <tile id="31" probability="0.6">
  <properties>
   <property name="name" value="yard_ballast_b"/>
  </properties>
 </tile>
 <tile id="32" probability="1">
  <properties>
   <property name="name" value="yard_track"/>
  </properties>
 </tile>
 <tile id="33" probability="0.25">
  <properties>
   <property name="name" value="yard_track_weeds"/>
  </properties>
 </tile>
 <tile id="34">
  <properties>
   <property name="name" value="boxcar_l"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="name" value="boxcar_m"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="name" value="boxcar_r"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="name" value="boxcar_b_l"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="38">
  <properties>
   <property name="name" value="boxcar_b_m"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="39">
  <properties>
   <property name="name" value="boxcar_b_r"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="40">
  <properties>
   <property name="name" value="yard_fence"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="41">
  <properties>
   <property name="name" value="yard_signal"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="42">
  <properties>
   <property name="name" value="yard_switch"/>
  </properties>
 </tile>
 <wangsets>
  <wangset name="terrains" type="corner" tile="-1">
   <wangcolor name="tar" color="#303239" tile="0" probability="1"/>
   <wangcolor name="metal" color="#676971" tile="5" probability="1"/>
   <wangcolor name="gravel" color="#5b5d65" tile="8" probability="1"/>
   <wangcolor name="asphalt" color="#2d2f35" tile="11" probability="1"/>
   <wangcolor name="sidewalk" color="#83858d" tile="16" probability="1"/>
   <wangcolor name="quarry" color="#a7a9b0" tile="20" probability="1"/>
   <wangcolor name="ballast" color="#4f515a" tile="30" probability="1"/>
   <wangcolor name="yardtrack" color="#555358" tile="32" probability="1"/>
   <wangtile tileid="0" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="1" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="2" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="3" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="4" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="5" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="6" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="7" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="8" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="9" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="10" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="11" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="12" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="13" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="16" wangid="0,5,0,5,0,5,0,5"/>
   <wangtile tileid="17" wangid="0,5,0,5,0,5,0,5"/>
   <wangtile tileid="18" wangid="0,5,0,5,0,5,0,5"/>
   <wangtile tileid="19" wangid="0,5,0,5,0,5,0,5"/>
   <wangtile tileid="20" wangid="0,6,0,6,0,6,0,6"/>
   <wangtile tileid="21" wangid="0,6,0,6,0,6,0,6"/>
   <wangtile tileid="22" wangid="0,6,0,6,0,6,0,6"/>
   <wangtile tileid="23" wangid="0,6,0,6,0,6,0,6"/>
   <wangtile tileid="30" wangid="0,7,0,7,0,7,0,7"/>
   <wangtile tileid="31" wangid="0,7,0,7,0,7,0,7"/>
   <wangtile tileid="32" wangid="0,8,0,8,0,8,0,8"/>
   <wangtile tileid="33" wangid="0,8,0,8,0,8,0,8"/>
  </wangset>
 </wangsets>
</tileset>
