import { render } from 'preact';
import { App } from './app/App';
import { lang } from './i18n/i18n';
import './styles/fonts.css';
import './styles/base.css';

document.documentElement.lang = lang();
render(<App />, document.getElementById('app')!);
