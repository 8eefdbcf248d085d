import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  // Ant Design's styles come from its prebuilt stylesheet (antd/dist/antd.css, loaded with the
  // signed-in app) instead of being generated in the browser on every first render of a
  // component; the tokens below still apply, as CSS variables.
  zeroRuntime: true,
  token: {
    colorPrimary: '#1664ff',
    // White on a hovered or pressed primary button stays above 4.5:1 (the derived hover is lighter).
    colorPrimaryHover: '#1456e0',
    colorPrimaryActive: '#1048b8',
    borderRadius: 6,
    // Text at least 4.5:1 against white and the page's grey (WCAG AA): Ant Design's secondary
    // #8c8c8c (3.4:1) and placeholder #bfbfbf (1.9:1), its red, green and orange texts fell short.
    colorTextSecondary: '#595959',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#6e6e6e',
    colorErrorText: '#cf1322',
    colorSuccessText: '#237804',
    colorWarningText: '#874d00',
    colorLink: '#1456e0',
    colorLinkHover: '#1664ff',
    colorInfo: '#1664ff',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerPadding: '0 16px', headerHeight: 56, siderBg: '#001529' },
    // Tags' texts: the palette's darker shades, 4.5:1 on their light backgrounds (status tags too).
    Tag: {
      orange7: '#ad4e00', gold7: '#874d00', yellow7: '#7c5e00', lime7: '#3f6600', green7: '#237804', cyan7: '#006d75', volcano7: '#ad2102',
      colorSuccess: '#237804', colorWarning: '#ad4e00', colorError: '#cf1322', colorInfo: '#1456e0',
    },
    // Danger buttons' text.
    Button: { colorError: '#cf1322', colorErrorHover: '#a8071a', colorErrorActive: '#820014' },
    // A finished progress bar's figure.
    Progress: { colorSuccess: '#237804' },
    // A disabled multiple select (a read-only settings page) still shows readable choices.
    Select: { colorTextDisabled: '#595959' },
  },
};
