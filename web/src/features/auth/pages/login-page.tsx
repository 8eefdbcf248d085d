import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { isLocale } from '../../../app/i18n/locale-storage';
import { isApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useLogin, useMe } from '../api';
import './login-page.css';

type Field = 'email' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

/** Only same-site paths are accepted as the place to return to after signing in. */
function safeNext(next: string | null): string {
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login')) return next;
  return '/';
}

// The browser's own rule for type=email, so that what it accepts, we accept.
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/**
 * The first page anyone sees, so it is built from plain elements and one small stylesheet:
 * Ant Design (and everything behind the sign-in) loads while the user types.
 */
export function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  useDocumentTitle(t('login.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const inputs = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const next = safeNext(params.get('next'));

  if (me.data) return <Navigate to={next} replace />;

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!email.trim()) found.email = t('common.required');
    else if (!EMAIL.test(email.trim())) found.email = t('common.invalidEmail');
    if (!password) found.password = t('common.required');
    return found;
  };

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    const first = (['email', 'password'] as const).find((field) => found[field]);
    if (first) inputs[first].current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (login.isPending) return;
    setFailure(null);
    const found = validate();
    if (Object.keys(found).length > 0) return showErrors(found);
    setErrors({});
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: ({ user }) => {
          // The language the user chose last time, on any device, wins after signing in.
          if (isLocale(user.locale) && user.locale !== locale) setLocale(user.locale);
          void navigate(next, { replace: true });
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 400) {
            const fromServer: FieldErrors = {};
            for (const detail of error.details) {
              if (detail.path === 'email' || detail.path === 'password') fromServer[detail.path] = detail.message;
            }
            showErrors(fromServer);
          }
          if (isApiError(error) && error.status === 401) setFailure(error.message || t('login.badCredentials'));
          else if (isApiError(error) && error.status === 429) setFailure(error.message || t('login.throttled'));
          else setFailure(errorMessage(error, t));
        },
      },
    );
  };

  const edit = (field: Field, value: string) => {
    if (field === 'email') setEmail(value);
    else setPassword(value);
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const fieldProps = (field: Field) => ({
    id: `login_form_${field}`,
    name: field,
    ref: inputs[field],
    className: 'login-input',
    'aria-required': true,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `login_form_${field}_help` : undefined,
    onChange: (event: ChangeEvent<HTMLInputElement>) => edit(field, event.target.value),
  });

  const fieldError = (field: Field) =>
    errors[field] ? (
      <div id={`login_form_${field}_help`} className="login-field-error">
        {errors[field]}
      </div>
    ) : null;

  const otherLocale = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <main className="login-page">
      <div className="login-top">
        <button
          type="button"
          className="login-lang"
          data-testid="lang-switch"
          title={t('header.language')}
          lang={otherLocale}
          onClick={() => setLocale(otherLocale)}
        >
          {t('header.switchTo')}
        </button>
      </div>
      <section className="login-card">
        <h1 className="login-title">{t('app.tagline')}</h1>
        <p className="login-subtitle">{t('login.subtitle')}</p>
        {failure ? (
          <div className="login-alert" data-testid="login-error" role="alert">
            {failure}
          </div>
        ) : null}
        <form id="login_form" noValidate onSubmit={submit}>
          <div className="login-field">
            <label htmlFor="login_form_email">{t('login.email')}</label>
            <input {...fieldProps('email')} type="email" value={email} autoComplete="username" autoFocus inputMode="email" />
            {fieldError('email')}
          </div>
          <div className="login-field">
            <label htmlFor="login_form_password">{t('login.password')}</label>
            <div className="login-password">
              <input {...fieldProps('password')} type={showPassword ? 'text' : 'password'} value={password} autoComplete="current-password" />
              <button
                type="button"
                className="login-reveal"
                aria-pressed={showPassword}
                aria-controls="login_form_password"
                onClick={() => setShowPassword((shown) => !shown)}
              >
                {showPassword ? t('login.hidePassword') : t('login.showPassword')}
              </button>
            </div>
            {fieldError('password')}
          </div>
          <button type="submit" className="login-submit" data-testid="login-submit" aria-disabled={login.isPending} aria-busy={login.isPending}>
            {login.isPending ? t('login.signingIn') : t('login.submit')}
          </button>
        </form>
      </section>
    </main>
  );
}
