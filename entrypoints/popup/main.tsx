import { render } from 'preact';
import '../../components/page.css';
import { Popup } from '../../components/Popup';
import { loadLanguagePreference, uiLanguage } from '../../components/i18n';

const root = document.getElementById('app');
const draw = () => {
  document.documentElement.lang = uiLanguage();
  if (root) render(<Popup />, root);
};
// La langue choisie dans le gestionnaire (ou celle du navigateur) avant le premier affichage, puis suivie.
void loadLanguagePreference(draw).then(draw);
