import type { Plugin } from 'vite';

/** Ant Design's modules that every input (the form's context) or radio group (a name helper) loads, and what they take from @rc-component/form's index, from its own file instead. */
const rewrites: Array<{ file: RegExp; from: string; to: string }> = [
  {
    file: /[\\/]node_modules[\\/]antd[\\/]es[\\/]form[\\/]context\.js$/,
    from: "import { FormProvider as RcFormProvider } from '@rc-component/form';",
    to: "import { FormProvider as RcFormProvider } from '@rc-component/form/es/FormContext';",
  },
  {
    file: /[\\/]node_modules[\\/]antd[\\/]es[\\/]radio[\\/]group\.js$/,
    from: "import { toNamePathStr } from '../form/hooks/useForm';",
    to: "import { toArray } from '../form/util';\nconst toNamePathStr = (name) => toArray(name).join('_');",
  },
];

/**
 * Every input of Ant Design reads its form's context and every radio group names itself with the
 * form's helper; both took them from @rc-component/form's index (the helper through the form's
 * useForm, which imports it), which hangs Field, List and
 * useForm on the form component (statements the bundler must keep), and with them the validator:
 * about 11 KB compressed on a page that shows no form (the customer list). They take them from
 * their own files.
 */
export function antdFormProvider(): Plugin {
  return {
    name: 'crm-antd-form-imports',
    apply: 'build',
    transform: {
      filter: { id: /[\\/]node_modules[\\/]antd[\\/]es[\\/](form|radio)[\\/]/ },
      handler(code, id) {
        const rewrite = rewrites.find((r) => r.file.test(id));
        if (!rewrite) return null;
        if (!code.includes(rewrite.from)) throw new Error(`${id} no longer has "${rewrite.from}": review build/antd-form-provider.ts`);
        return { code: code.replace(rewrite.from, rewrite.to), map: null };
      },
    },
  };
}
