/**
 * The archive's name of a province-level area from the map's short one: 广东 -> 广东省, 北京 -> 北京市,
 * 内蒙古 -> 内蒙古自治区, 香港 -> 香港特别行政区 (the names regions are stored under).
 */
const special: Record<string, string> = {
  北京: '北京市', 天津: '天津市', 上海: '上海市', 重庆: '重庆市',
  内蒙古: '内蒙古自治区', 广西: '广西壮族自治区', 西藏: '西藏自治区', 宁夏: '宁夏回族自治区', 新疆: '新疆维吾尔自治区',
  香港: '香港特别行政区', 澳门: '澳门特别行政区',
};

export function provinceOfArea(short: string): string {
  return special[short] ?? `${short}省`;
}
