/**
 * Province and city names as exports of other CRMs write them (Shanghai, "Guangdong Province",
 * "Shanghai Shi", Guangzhou) and as people abbreviate them (广东, 上海), turned into the names the
 * archive stores (广东省, 上海市, 广州市). The 34 provincial-level divisions and the major cities.
 */
const provinces: Array<[string, string[]]> = [
  ['北京市', ['beijing', 'peking', '北京']],
  ['天津市', ['tianjin', '天津']],
  ['上海市', ['shanghai', '上海']],
  ['重庆市', ['chongqing', 'chungking', '重庆']],
  ['河北省', ['hebei', '河北']],
  ['山西省', ['shanxi', '山西']],
  ['辽宁省', ['liaoning', '辽宁']],
  ['吉林省', ['jilin', '吉林']],
  ['黑龙江省', ['heilongjiang', '黑龙江']],
  ['江苏省', ['jiangsu', '江苏']],
  ['浙江省', ['zhejiang', '浙江']],
  ['安徽省', ['anhui', '安徽']],
  ['福建省', ['fujian', '福建']],
  ['江西省', ['jiangxi', '江西']],
  ['山东省', ['shandong', '山东']],
  ['河南省', ['henan', '河南']],
  ['湖北省', ['hubei', '湖北']],
  ['湖南省', ['hunan', '湖南']],
  ['广东省', ['guangdong', 'canton', '广东']],
  ['海南省', ['hainan', '海南']],
  ['四川省', ['sichuan', 'szechuan', '四川']],
  ['贵州省', ['guizhou', '贵州']],
  ['云南省', ['yunnan', '云南']],
  ['陕西省', ['shaanxi', '陕西']],
  ['甘肃省', ['gansu', '甘肃']],
  ['青海省', ['qinghai', '青海']],
  ['台湾省', ['taiwan', '台湾']],
  ['内蒙古自治区', ['innermongolia', 'neimongol', 'neimenggu', '内蒙古', '内蒙']],
  ['广西壮族自治区', ['guangxi', 'guangxizhuang', '广西', '广西自治区']],
  ['西藏自治区', ['tibet', 'xizang', '西藏']],
  ['宁夏回族自治区', ['ningxia', 'ningxiahui', '宁夏', '宁夏自治区']],
  ['新疆维吾尔自治区', ['xinjiang', 'xinjianguyghur', 'xinjianguygur', '新疆', '新疆自治区']],
  ['香港特别行政区', ['hongkong', 'hk', 'hksar', '香港']],
  ['澳门特别行政区', ['macau', 'macao', 'macaosar', 'macausar', '澳门']],
];

const cities: Array<[string, string[]]> = [
  ['北京市', ['beijing', 'peking']],
  ['天津市', ['tianjin']],
  ['上海市', ['shanghai']],
  ['重庆市', ['chongqing']],
  ['广州市', ['guangzhou', 'canton']],
  ['深圳市', ['shenzhen']],
  ['珠海市', ['zhuhai']],
  ['佛山市', ['foshan']],
  ['东莞市', ['dongguan']],
  ['中山市', ['zhongshan']],
  ['惠州市', ['huizhou']],
  ['汕头市', ['shantou']],
  ['杭州市', ['hangzhou']],
  ['宁波市', ['ningbo']],
  ['温州市', ['wenzhou']],
  ['嘉兴市', ['jiaxing']],
  ['绍兴市', ['shaoxing']],
  ['金华市', ['jinhua']],
  ['南京市', ['nanjing', 'nanking']],
  ['苏州市', ['suzhou']],
  ['无锡市', ['wuxi']],
  ['常州市', ['changzhou']],
  ['南通市', ['nantong']],
  ['扬州市', ['yangzhou']],
  ['徐州市', ['xuzhou']],
  ['合肥市', ['hefei']],
  ['福州市', ['fuzhou']],
  ['厦门市', ['xiamen', 'amoy']],
  ['泉州市', ['quanzhou']],
  ['南昌市', ['nanchang']],
  ['济南市', ['jinan']],
  ['青岛市', ['qingdao', 'tsingtao']],
  ['烟台市', ['yantai']],
  ['潍坊市', ['weifang']],
  ['郑州市', ['zhengzhou']],
  ['洛阳市', ['luoyang']],
  ['武汉市', ['wuhan']],
  ['长沙市', ['changsha']],
  ['成都市', ['chengdu']],
  ['贵阳市', ['guiyang']],
  ['昆明市', ['kunming']],
  ['南宁市', ['nanning']],
  ['海口市', ['haikou']],
  ['三亚市', ['sanya']],
  ['西安市', ['xian', "xi'an"]],
  ['兰州市', ['lanzhou']],
  ['西宁市', ['xining']],
  ['银川市', ['yinchuan']],
  ['乌鲁木齐市', ['urumqi', 'wulumuqi']],
  ['拉萨市', ['lhasa']],
  ['呼和浩特市', ['hohhot', 'huhehaote']],
  ['包头市', ['baotou']],
  ['太原市', ['taiyuan']],
  ['石家庄市', ['shijiazhuang']],
  ['唐山市', ['tangshan']],
  ['保定市', ['baoding']],
  ['沈阳市', ['shenyang']],
  ['大连市', ['dalian']],
  ['长春市', ['changchun']],
  ['哈尔滨市', ['harbin', 'haerbin']],
  ['台北市', ['taipei']],
  ['香港特别行政区', ['hongkong']],
  ['澳门特别行政区', ['macau', 'macao']],
];

/** Lower case, no spaces, dots, dashes or apostrophes, and no "Province", "Shi", "City", "SAR"... */
function key(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s.'’\-_]+/g, '')
    .replace(/(province|sheng|municipality|autonomousregion|specialadministrativeregion|sar|city|shi)$/, '');
}

function index(table: Array<[string, string[]]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, words] of table) {
    out.set(key(name), name);
    for (const word of words) out.set(key(word), name);
  }
  return out;
}

const provinceIndex = index(provinces);
const cityIndex = index(cities);

/** The archive's name of a province written in English, pinyin or short (广东 -> 广东省); else the text as given. */
export function canonicalProvince(text: string): string {
  return provinceIndex.get(key(text)) ?? text;
}

/** The archive's name of a major city written in English or pinyin (Guangzhou -> 广州市); else the text as given. */
export function canonicalCity(text: string): string {
  // Only Latin names are looked up: a Chinese city name is kept as written (县级市, 地区, 自治州...).
  return /[a-z]/i.test(text) ? (cityIndex.get(key(text)) ?? text) : text;
}
