/**
 * Whether what was typed after "@" finds a colleague: a substring of the name (any case, spaces
 * ignored: "emma s" finds Emma Smith), or the start of one of its pinyin forms ("zhangw", "zw"
 * find 张伟). Empty input lists everyone.
 */
export function mentionMatches(input: string, candidate: { name: string; keys: readonly string[] }): boolean {
  const typed = input.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  if (typed === '') return true;
  if (candidate.name.normalize('NFKC').toLowerCase().replace(/\s+/g, '').includes(typed)) return true;
  return candidate.keys.some((key) => key.startsWith(typed));
}
