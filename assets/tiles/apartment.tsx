<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="apartment" tilewidth="16" tileheight="16" tilecount="83" columns="8">
 <image source="apartment.png" width="128" height="176"/>
 <tile id="0" probability="1.2">
  <properties>
   <property name="name" value="wood"/>
  </properties>
 </tile>
 <tile id="1" probability="1">
  <properties>
   <property name="name" value="wood_b"/>
  </properties>
 </tile>
 <tile id="2" probability="0.3">
  <properties>
   <property name="name" value="wood_worn"/>
  </properties>
 </tile>
 <tile id="3" probability="1.2">
  <properties>
   <property name="name" value="kitchen"/>
  </properties>
 </tile>
 <tile id="4" probability="0.25">
  <properties>
   <property name="name" value="kitchen_crack"/>
  </properties>
 </tile>
 <tile id="5" probability="1.2">
  <properties>
   <property name="name" value="hall_carpet"/>
  </properties>
 </tile>
 <tile id="6" probability="1">
  <properties>
   <property name="name" value="hall_carpet_b"/>
  </properties>
 </tile>
 <tile id="7" probability="0.2">
  <properties>
   <property name="name" value="hall_carpet_stain"/>
  </properties>
 </tile>
 <tile id="8" probability="1.2">
  <properties>
   <property name="name" value="bed_carpet"/>
  </properties>
 </tile>
 <tile id="9" probability="0.8">
  <properties>
   <property name="name" value="bed_carpet_b"/>
  </properties>
 </tile>
 <tile id="10" probability="1.2">
  <properties>
   <property name="name" value="stairs"/>
  </properties>
 </tile>
 <tile id="11" probability="1">
  <properties>
   <property name="name" value="stairs_b"/>
  </properties>
 </tile>
 <tile id="12" probability="1.2">
  <properties>
   <property name="name" value="landing"/>
  </properties>
 </tile>
 <tile id="13" probability="1">
  <properties>
   <property name="name" value="landing_b"/>
  </properties>
 </tile>
 <tile id="14" probability="1.2">
  <properties>
   <property name="name" value="laundry"/>
  </properties>
 </tile>
 <tile id="15" probability="1">
  <properties>
   <property name="name" value="laundry_b"/>
  </properties>
 </tile>
 <tile id="16" probability="1.2">
  <properties>
   <property name="name" value="service"/>
  </properties>
 </tile>
 <tile id="17" probability="1">
  <properties>
   <property name="name" value="service_b"/>
  </properties>
 </tile>
 <tile id="18" probability="1.2">
  <properties>
   <property name="name" value="asphalt"/>
  </properties>
 </tile>
 <tile id="19" probability="1">
  <properties>
   <property name="name" value="asphalt_b"/>
  </properties>
 </tile>
 <tile id="20" probability="0.3">
  <properties>
   <property name="name" value="asphalt_puddle"/>
  </properties>
 </tile>
 <tile id="21" probability="0.2">
  <properties>
   <property name="name" value="asphalt_trash"/>
  </properties>
 </tile>
 <tile id="22" probability="1.2">
  <properties>
   <property name="name" value="grating"/>
  </properties>
 </tile>
 <tile id="23" probability="1">
  <properties>
   <property name="name" value="grating_b"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="name" value="rug_nw"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="name" value="rug_n"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="name" value="rug_ne"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="name" value="rug_w"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="name" value="rug"/>
  </properties>
 </tile>
 <tile id="29">
  <properties>
   <property name="name" value="rug_e"/>
  </properties>
 </tile>
 <tile id="30">
  <properties>
   <property name="name" value="rug_sw"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="name" value="rug_s"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="name" value="rug_se"/>
  </properties>
 </tile>
 <tile id="33" probability="1.2">
  <properties>
   <property name="name" value="wall_top"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="34" probability="1">
  <properties>
   <property name="name" value="wall_top_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="35" probability="0.8">
  <properties>
   <property name="name" value="wall_top_c"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="name" value="wall_paper"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="name" value="wall_hall"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="38">
  <properties>
   <property name="name" value="wall_brick"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="39">
  <properties>
   <property name="name" value="wall_plain"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="40">
  <properties>
   <property name="name" value="door_apt"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="41">
  <properties>
   <property name="name" value="door_cat"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="42">
  <properties>
   <property name="name" value="window"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="43">
  <properties>
   <property name="name" value="window_brick"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="44">
  <properties>
   <property name="name" value="fire_window"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="45">
  <properties>
   <property name="name" value="tube"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="45" duration="1400"/>
   <frame tileid="46" duration="90"/>
   <frame tileid="45" duration="200"/>
   <frame tileid="46" duration="60"/>
   <frame tileid="45" duration="2600"/>
  </animation>
 </tile>
 <tile id="46">
  <properties>
   <property name="name" value="tube_off"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="47">
  <properties>
   <property name="name" value="wall_picture"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="48">
  <properties>
   <property name="name" value="mailboxes"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="49">
  <properties>
   <property name="name" value="exit_sign"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="50">
  <properties>
   <property name="name" value="sofa_l_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="51">
  <properties>
   <property name="name" value="sofa_r_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="52">
  <properties>
   <property name="name" value="tv_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="52" duration="400"/>
   <frame tileid="53" duration="250"/>
  </animation>
 </tile>
 <tile id="53">
  <properties>
   <property name="name" value="tv_b_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="54">
  <properties>
   <property name="name" value="table_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="55">
  <properties>
   <property name="name" value="counter_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="56">
  <properties>
   <property name="name" value="stove_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="57">
  <properties>
   <property name="name" value="fridge_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="58">
  <properties>
   <property name="name" value="bed_head_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="59">
  <properties>
   <property name="name" value="bed_foot_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="60">
  <properties>
   <property name="name" value="dresser_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="61">
  <properties>
   <property name="name" value="washer_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="62">
  <properties>
   <property name="name" value="dumpster_l_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="63">
  <properties>
   <property name="name" value="dumpster_r_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="64">
  <properties>
   <property name="name" value="bags_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="65">
  <properties>
   <property name="name" value="crates_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="66">
  <properties>
   <property name="name" value="plant_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="67">
  <properties>
   <property name="name" value="lamp_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="68">
  <properties>
   <property name="name" value="railing_h_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="69">
  <properties>
   <property name="name" value="railing_v_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="70">
  <properties>
   <property name="name" value="shelf_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="71">
  <properties>
   <property name="name" value="paint_cans_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="72">
  <properties>
   <property name="name" value="armchair_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="73">
  <properties>
   <property name="name" value="coffee_table_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="74">
  <properties>
   <property name="name" value="chair_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="75">
  <properties>
   <property name="name" value="nightstand_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="76">
  <properties>
   <property name="name" value="dryer_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="77">
  <properties>
   <property name="name" value="basket_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="78">
  <properties>
   <property name="name" value="sawhorse_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="79">
  <properties>
   <property name="name" value="trash_can_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="80">
  <properties>
   <property name="name" value="hydrant_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="81">
  <properties>
   <property name="name" value="wall_graffiti"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="82">
  <properties>
   <property name="name" value="wall_radiator"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <wangsets>
  <wangset name="terrains" type="corner" tile="-1">
   <wangcolor name="wood" color="#764d2c" tile="0" probability="1"/>
   <wangcolor name="kitchen" color="#807e7b" tile="3" probability="1"/>
   <wangcolor name="hall" color="#672425" tile="5" probability="1"/>
   <wangcolor name="bedroom" color="#424f74" tile="8" probability="1"/>
   <wangcolor name="stairs" color="#6c6c72" tile="10" probability="1"/>
   <wangcolor name="landing" color="#5c5c62" tile="12" probability="1"/>
   <wangcolor name="laundry" color="#859ba3" tile="14" probability="1"/>
   <wangcolor name="service" color="#a69e8e" tile="16" probability="1"/>
   <wangcolor name="alley" color="#27292f" tile="18" probability="1"/>
   <wangcolor name="grating" color="#434851" tile="22" probability="1"/>
   <wangcolor name="walltop" color="#382f2b" tile="33" probability="1"/>
   <wangtile tileid="0" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="1" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="2" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="3" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="4" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="5" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="6" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="7" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="8" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="9" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="10" wangid="0,5,0,5,0,5,0,5"/>
   <wangtile tileid="11" wangid="0,5,0,5,0,5,0,5"/>
   <wangtile tileid="12" wangid="0,6,0,6,0,6,0,6"/>
   <wangtile tileid="13" wangid="0,6,0,6,0,6,0,6"/>
   <wangtile tileid="14" wangid="0,7,0,7,0,7,0,7"/>
   <wangtile tileid="15" wangid="0,7,0,7,0,7,0,7"/>
   <wangtile tileid="16" wangid="0,8,0,8,0,8,0,8"/>
   <wangtile tileid="17" wangid="0,8,0,8,0,8,0,8"/>
   <wangtile tileid="18" wangid="0,9,0,9,0,9,0,9"/>
   <wangtile tileid="19" wangid="0,9,0,9,0,9,0,9"/>
   <wangtile tileid="20" wangid="0,9,0,9,0,9,0,9"/>
   <wangtile tileid="21" wangid="0,9,0,9,0,9,0,9"/>
   <wangtile tileid="22" wangid="0,10,0,10,0,10,0,10"/>
   <wangtile tileid="23" wangid="0,10,0,10,0,10,0,10"/>
   <wangtile tileid="33" wangid="0,11,0,11,0,11,0,11"/>
   <wangtile tileid="34" wangid="0,11,0,11,0,11,0,11"/>
   <wangtile tileid="35" wangid="0,11,0,11,0,11,0,11"/>
  </wangset>
 </wangsets>
</tileset>
