import { render } from 'preact';
import '../../components/page.css';
import { Popup } from '../../components/Popup';

const root = document.getElementById('app');
if (root) render(<Popup />, root);
