<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="bathhouse" tilewidth="16" tileheight="16" tilecount="85" columns="8">
 <image source="bathhouse.png" width="128" height="176"/>
 <tile id="0" probability="1.2">
  <properties>
   <property name="name" value="floor"/>
  </properties>
 </tile>
 <tile id="1" probability="0.15">
  <properties>
   <property name="name" value="floor_cracked"/>
  </properties>
 </tile>
 <tile id="2" probability="1.2">
  <properties>
   <property name="name" value="floor_wet"/>
  </properties>
 </tile>
 <tile id="3" probability="0.1">
  <properties>
   <property name="name" value="drain"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="name" value="wall"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="5" probability="1.2">
  <properties>
   <property name="name" value="wall_top"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="name" value="wall_tiled"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="name" value="window_snow"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="8">
  <properties>
   <property name="name" value="pool"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="8" duration="400"/>
   <frame tileid="9" duration="400"/>
   <frame tileid="10" duration="400"/>
  </animation>
 </tile>
 <tile id="9">
  <properties>
   <property name="name" value="pool_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="10">
  <properties>
   <property name="name" value="pool_c"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="11">
  <properties>
   <property name="name" value="pool_edge_n"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="12">
  <properties>
   <property name="name" value="pool_edge_s"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="13">
  <properties>
   <property name="name" value="pool_edge_w"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="14">
  <properties>
   <property name="name" value="pool_edge_e"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="15">
  <properties>
   <property name="name" value="pool_corner_nw"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="16">
  <properties>
   <property name="name" value="pool_corner_ne"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="17">
  <properties>
   <property name="name" value="pool_corner_sw"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="18">
  <properties>
   <property name="name" value="pool_corner_se"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="19">
  <properties>
   <property name="name" value="steam_vent"/>
  </properties>
  <animation>
   <frame tileid="19" duration="300"/>
   <frame tileid="20" duration="200"/>
   <frame tileid="21" duration="200"/>
   <frame tileid="22" duration="300"/>
  </animation>
 </tile>
 <tile id="20">
  <properties>
   <property name="name" value="steam_vent_b"/>
  </properties>
 </tile>
 <tile id="21">
  <properties>
   <property name="name" value="steam_vent_c"/>
  </properties>
 </tile>
 <tile id="22">
  <properties>
   <property name="name" value="steam_vent_d"/>
  </properties>
 </tile>
 <tile id="23">
  <properties>
   <property name="name" value="bench_left"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="24">
  <properties>
   <property name="name" value="bench_mid"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="25">
  <properties>
   <property name="name" value="bench_right"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="26">
  <properties>
   <property name="name" value="column"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="27">
  <properties>
   <property name="name" value="locker"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="28">
  <properties>
   <property name="name" value="locker_open"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="29" probability="0.9">
  <properties>
   <property name="name" value="snow"/>
  </properties>
 </tile>
 <tile id="30" probability="0.9">
  <properties>
   <property name="name" value="snow_b"/>
  </properties>
 </tile>
 <tile id="31">
  <properties>
   <property name="name" value="snow_edge"/>
  </properties>
 </tile>
 <tile id="32">
  <properties>
   <property name="name" value="stove"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="32" duration="350"/>
   <frame tileid="33" duration="250"/>
  </animation>
 </tile>
 <tile id="33">
  <properties>
   <property name="name" value="stove_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="34">
  <properties>
   <property name="name" value="bucket"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="35">
  <properties>
   <property name="name" value="door"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="36">
  <properties>
   <property name="name" value="doorway"/>
  </properties>
 </tile>
 <tile id="37">
  <properties>
   <property name="name" value="mat"/>
  </properties>
 </tile>
 <tile id="38">
  <properties>
   <property name="name" value="towels"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="39">
  <properties>
   <property name="name" value="steam_vent_prop"/>
  </properties>
  <animation>
   <frame tileid="39" duration="300"/>
   <frame tileid="40" duration="200"/>
   <frame tileid="41" duration="200"/>
   <frame tileid="42" duration="300"/>
  </animation>
 </tile>
 <tile id="40">
  <properties>
   <property name="name" value="steam_vent_b_prop"/>
  </properties>
 </tile>
 <tile id="41">
  <properties>
   <property name="name" value="steam_vent_c_prop"/>
  </properties>
 </tile>
 <tile id="42">
  <properties>
   <property name="name" value="steam_vent_d_prop"/>
  </properties>
 </tile>
 <tile id="43">
  <properties>
   <property name="name" value="bench_left_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="44">
  <properties>
   <property name="name" value="bench_mid_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="45">
  <properties>
   <property name="name" value="bench_right_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="46">
  <properties>
   <property name="name" value="column_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="47">
  <properties>
   <property name="name" value="stove_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="47" duration="350"/>
   <frame tileid="48" duration="250"/>
  </animation>
 </tile>
 <tile id="48">
  <properties>
   <property name="name" value="stove_b_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="49">
  <properties>
   <property name="name" value="bucket_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="50">
  <properties>
   <property name="name" value="towels_prop"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="51">
  <properties>
   <property name="name" value="mat_prop"/>
  </properties>
 </tile>
 <tile id="52">
  <properties>
   <property name="name" value="drain_prop"/>
  </properties>
 </tile>
 <tile id="53" probability="1">
  <properties>
   <property name="name" value="floor_b"/>
  </properties>
 </tile>
 <tile id="54" probability="0.5">
  <properties>
   <property name="name" value="floor_worn"/>
  </properties>
 </tile>
 <tile id="55" probability="0.08">
  <properties>
   <property name="name" value="floor_stain"/>
  </properties>
 </tile>
 <tile id="56" probability="0.12">
  <properties>
   <property name="name" value="floor_puddle"/>
  </properties>
 </tile>
 <tile id="57" probability="0.15">
  <properties>
   <property name="name" value="floor_crack_b"/>
  </properties>
 </tile>
 <tile id="58" probability="0.12">
  <properties>
   <property name="name" value="floor_patch"/>
  </properties>
 </tile>
 <tile id="59" probability="1">
  <properties>
   <property name="name" value="floor_wet_b"/>
  </properties>
 </tile>
 <tile id="60" probability="0.15">
  <properties>
   <property name="name" value="floor_wet_crack"/>
  </properties>
 </tile>
 <tile id="61" probability="0.12">
  <properties>
   <property name="name" value="floor_wet_puddle"/>
  </properties>
 </tile>
 <tile id="62" probability="0.3">
  <properties>
   <property name="name" value="floor_wet_worn"/>
  </properties>
 </tile>
 <tile id="63" probability="0.1">
  <properties>
   <property name="name" value="drain_wet"/>
  </properties>
 </tile>
 <tile id="64" probability="1">
  <properties>
   <property name="name" value="boards"/>
  </properties>
 </tile>
 <tile id="65" probability="0.8">
  <properties>
   <property name="name" value="boards_b"/>
  </properties>
 </tile>
 <tile id="66" probability="0.4">
  <properties>
   <property name="name" value="boards_c"/>
  </properties>
 </tile>
 <tile id="67" probability="0.5">
  <properties>
   <property name="name" value="boards_worn"/>
  </properties>
 </tile>
 <tile id="68">
  <properties>
   <property name="name" value="rug_l"/>
  </properties>
 </tile>
 <tile id="69">
  <properties>
   <property name="name" value="rug_m"/>
  </properties>
 </tile>
 <tile id="70">
  <properties>
   <property name="name" value="rug_r"/>
  </properties>
 </tile>
 <tile id="71" probability="0.6">
  <properties>
   <property name="name" value="snow_c"/>
  </properties>
 </tile>
 <tile id="72" probability="0.1">
  <properties>
   <property name="name" value="snow_tracks"/>
  </properties>
 </tile>
 <tile id="73" probability="0.08">
  <properties>
   <property name="name" value="snow_slush"/>
  </properties>
 </tile>
 <tile id="74" probability="0.06">
  <properties>
   <property name="name" value="snow_ice"/>
  </properties>
 </tile>
 <tile id="75" probability="1">
  <properties>
   <property name="name" value="snowbank"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="76" probability="1">
  <properties>
   <property name="name" value="snowbank_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="77" probability="0.6">
  <properties>
   <property name="name" value="snowbank_c"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="78">
  <properties>
   <property name="name" value="fir"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="79">
  <properties>
   <property name="name" value="fir_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="80" probability="1">
  <properties>
   <property name="name" value="wall_top_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="81" probability="0.7">
  <properties>
   <property name="name" value="wall_top_c"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="82">
  <properties>
   <property name="name" value="wall_tiled_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="83">
  <properties>
   <property name="name" value="wall_b"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="84">
  <properties>
   <property name="name" value="fence"/>
   <property name="solid" type="bool" value="true"/>
  </properties>
 </tile>
 <wangsets>
  <wangset name="terrains" type="corner" tile="-1">
   <wangcolor name="stone" color="#849094" tile="0" probability="1"/>
   <wangcolor name="wet" color="#58b7b3" tile="2" probability="1"/>
   <wangcolor name="walltop" color="#2e373d" tile="5" probability="1"/>
   <wangcolor name="snow" color="#e3eaf1" tile="29" probability="1"/>
   <wangcolor name="boards" color="#7d5234" tile="64" probability="1"/>
   <wangcolor name="bank" color="#d8e1ea" tile="75" probability="1"/>
   <wangtile tileid="0" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="1" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="53" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="54" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="55" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="56" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="57" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="58" wangid="0,1,0,1,0,1,0,1"/>
   <wangtile tileid="2" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="59" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="60" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="61" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="62" wangid="0,2,0,2,0,2,0,2"/>
   <wangtile tileid="5" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="80" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="81" wangid="0,3,0,3,0,3,0,3"/>
   <wangtile tileid="29" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="30" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="71" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="72" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="73" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="74" wangid="0,4,0,4,0,4,0,4"/>
   <wangtile tileid="64" wangid="0,5,0,5,0,5,0,5"/>
   <wangtile tileid="65" wangid="0,5,0,5,0,5,0,5"/>
   <wangtile tileid="66" wangid="0,5,0,5,0,5,0,5"/>
   <wangtile tileid="67" wangid="0,5,0,5,0,5,0,5"/>
   <wangtile tileid="75" wangid="0,6,0,6,0,6,0,6"/>
   <wangtile tileid="76" wangid="0,6,0,6,0,6,0,6"/>
   <wangtile tileid="77" wangid="0,6,0,6,0,6,0,6"/>
  </wangset>
 </wangsets>
</tileset>
