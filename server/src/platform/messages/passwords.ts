/** Server messages of the password policy, in both languages (merged into the catalogue in i18n.ts). */
export const passwordMessages = {
  passwordTooShort: {
    en: 'At least {n} characters. Several unrelated words make a long password that is easy to remember.',
    'zh-CN': '至少 {n} 个字符。几个不相关的词连在一起，长而好记。',
  },
  passwordPersonal: {
    en: 'Do not use your email address or name as the password. Use several unrelated words instead.',
    'zh-CN': '不能用自己的邮箱或姓名作密码，请改用几个不相关的词。',
  },
  passwordWeak: { en: 'This password is too easy to guess. {advice}', 'zh-CN': '密码太容易被猜到。{advice}' },
} as const;

type Words = { en: string; 'zh-CN': string };

/** The strength checker's warnings (zxcvbn's keys), as users read them. */
export const passwordWarnings: Record<string, Words> = {
  straightRow: { en: 'Straight rows of keys on your keyboard are easy to guess.', 'zh-CN': '键盘上连成一排的键很容易被猜到。' },
  keyPattern: { en: 'Short keyboard patterns are easy to guess.', 'zh-CN': '简短的键盘图案很容易被猜到。' },
  simpleRepeat: { en: 'Repeated characters like "aaa" are easy to guess.', 'zh-CN': '"aaa" 这样的重复字符很容易被猜到。' },
  extendedRepeat: { en: 'Repeated patterns like "abcabcabc" are easy to guess.', 'zh-CN': '"abcabcabc" 这样的重复组合很容易被猜到。' },
  sequences: { en: 'Sequences like "abc" or "123456" are easy to guess.', 'zh-CN': '"abc"、"123456" 这样的序列很容易被猜到。' },
  recentYears: { en: 'Recent years are easy to guess.', 'zh-CN': '近年的年份很容易被猜到。' },
  dates: { en: 'Dates are easy to guess.', 'zh-CN': '日期很容易被猜到。' },
  topTen: { en: 'This is one of the ten most used passwords.', 'zh-CN': '这是最常用的十个密码之一。' },
  topHundred: { en: 'This is one of the hundred most used passwords.', 'zh-CN': '这是最常用的一百个密码之一。' },
  common: { en: 'This is a commonly used password.', 'zh-CN': '这是常用密码。' },
  similarToCommon: { en: 'This is similar to a commonly used password.', 'zh-CN': '这与常用密码很相似。' },
  wordByItself: { en: 'Single words are easy to guess.', 'zh-CN': '单个词很容易被猜到。' },
  namesByThemselves: { en: 'Names on their own are easy to guess.', 'zh-CN': '单独的姓名很容易被猜到。' },
  commonNames: { en: 'Common names are easy to guess.', 'zh-CN': '常见姓名很容易被猜到。' },
  userInputs: { en: 'It contains your own details (email or name).', 'zh-CN': '其中含有您的个人信息（邮箱或姓名）。' },
  pwned: { en: 'This password appeared in a data breach.', 'zh-CN': '该密码曾在数据泄露中出现。' },
};

/** The strength checker's suggestions (zxcvbn's keys): how to make the password stronger. */
export const passwordSuggestions: Record<string, Words> = {
  l33t: { en: 'Swapping letters for look-alike digits ("@" for "a") does not help much.', 'zh-CN': '把字母换成相似的数字或符号（如 "@" 代替 "a"）作用不大。' },
  reverseWords: { en: 'Do not spell common words backwards.', 'zh-CN': '不要把常用词倒过来写。' },
  allUppercase: { en: 'Capitalise some letters, not all of them.', 'zh-CN': '只把部分字母大写，而不是全部。' },
  capitalization: { en: 'Capitalise more than the first letter.', 'zh-CN': '不要只把首字母大写。' },
  dates: { en: 'Avoid dates and years that are connected to you.', 'zh-CN': '避免使用与您有关的日期和年份。' },
  recentYears: { en: 'Avoid recent years.', 'zh-CN': '避免使用近年的年份。' },
  associatedYears: { en: 'Avoid years that are connected to you.', 'zh-CN': '避免使用与您有关的年份。' },
  sequences: { en: 'Avoid common character sequences.', 'zh-CN': '避免常见的字符序列。' },
  repeated: { en: 'Avoid repeated words and characters.', 'zh-CN': '避免重复的词和字符。' },
  longerKeyboardPattern: { en: 'Use longer keyboard patterns and change direction several times.', 'zh-CN': '使用更长的键盘图案，并多次改变方向。' },
  anotherWord: { en: 'Add more words that are less common.', 'zh-CN': '再加几个不常见的词。' },
  useWords: { en: 'Use several words, but avoid common phrases.', 'zh-CN': '使用多个词，但避免常见短语。' },
  noNeed: { en: 'Strong passwords need no symbols, digits or capital letters.', 'zh-CN': '强密码不一定需要符号、数字或大写字母。' },
  pwned: { en: 'If you use this password elsewhere, change it there too.', 'zh-CN': '如果您在其他地方也用这个密码，请一并修改。' },
};
