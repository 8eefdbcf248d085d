/**
 * SHA-256 of each migration's source and of the files of this folder it takes code from, comments
 * and layout left out. The runner records it when it applies a migration and refuses to start when
 * a recorded one differs: a landed migration is never edited. checksums.unit.test.ts compares these
 * with the files and prints the line of a new migration.
 */
export const checksums: Record<string, string> = {
  '20261122-0001-foundation': 'a09f20e153ecd176bfdc8d6e1068ab99696cd01092adbe166e2d59483c23284a',
  '20261122-0002-archive-shared': '4e67a59e9ff3d3bba969df8a50f47acdf456e1c86da771b48a2d6bca50e1b2e8',
  '20261122-0003-pool': 'beee9ba6e6e5535e361f1a0e2ab1b8cec626e1de0cbb835950568be611d5dd46',
  '20261122-0004-imports': '7f563bcf203ba4fc197290f32f8c238de44f143c5711e72fa4999a1186df3d45',
  '20261122-0005-duplicates': '224fe17c8410c1d47bb005fc20929687310b4d2eef11afeaeed8af71bed96850',
  '20261122-0006-fields-files': 'aacd3ee4073d6974fcdf148e1eebcbdcdf4e460cc4d8cb08114a7380c438c7f4',
  '20261122-0007-sales': '08c99087da5d7afe61b25bb349a1d2d8dddc19b638ac7e1b7b70cb39738f97a6',
  '20261204-0008-phone-numbers': '60baedf2a9e9c76eeec5355301a58e24548ed48806b8f6896817540b12f678f4',
  '20261204-0009-strong-keys': 'e1de56755d6fee220c6bc93285e23e3db5b640f5b3dc4a6f089a6c7b11fe9604',
  '20261204-0010-regions-lists': '43dc9813c99d0205ddae8b788dea096e9b5adc99f94efe1ddea11ffe87995649',
  '20261204-0011-import-values': '26b1515709f04b87e647e83a5b480c122aa9dd96666c76b177e31a20f61914f2',
  '20261204-0012-search-merge': '42cfb5ccafa1f7339ab9389b8a8703d495ec0d62d4a254b232064b67fe0ecd27',
  '20261204-0013-throttles': '316f26b9942423c70c3087f67fd5b84b62338735af383ad105d015023fadcfb4',
  '20261205-0014-quotes': '855f7b22849c6728d46e347730823b7122feacf080d2909edc817aff31eb1a88',
  '20261205-0017-targets': 'e537376d64110b688e0425eff46f9f79153c0b21e2e9089832fde7052f2a3c34',
  '20261205-0015-contracts': '5d96a49c041d1e7fe0fae83df83b00357d7618afe0be7adb011b50f34e2bd74a',
  '20261205-0016-approvals': '6e73461884bc215821c603a2bb7b05e6dff8f0e5f639c2659b3af5356b00a4e2',
  '20261205-0018-receivables': 'c35afcbcb3a938a68f1f1cae0937c32588aadde1066e1bed47bbc26fd245aa1f',
  '20261205-0019-activities': 'ce90f7975b9fb2d171d9de7f5a5c3a8b9a7e59cd90601fd9799d8c0e90502e0a',
  '20261206-0020-aging-index': '5c54c37e6f313acc2b265fc993f7f3f3ce1c46353a89e173923e0e6cb78b55e8',
  '20261206-0022-reminders': '4c1789eed86fc1d03dfdfaf0e6600c4eb22c31ccc9c19d91e58bc4c3e8ad179b',
'20261206-0021-email': 'd7ed1640407d5fbc414a81f3551bcca90345e7329de03305ff5c38fcb8fd3433',
  '20261206-0025-search-pinyin': '6bd03caf0b409e772095875a5d4e9af025efb444376c0cc9e6a1c3e9365afa66',
  '20261206-0026-workbench': '6bfe271bc47f573b7095b2b51eeae5f74a8e7c56e044468119298aea2a2a3176',
  '20261206-0023-work-reports': 'b6107bc529723110747bab6c1357accd7ce5846a490793fac4a11cb1a84ab999',
  '20261206-0027-visit-check-in': '8f0a2cee22c6c8593e86a62489c39e2a6120aaa5955014b45f393d275fdd0fe8',
};
