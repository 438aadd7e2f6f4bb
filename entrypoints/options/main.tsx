import { render } from 'preact';
import '../../components/page.css';
import '../../components/manager/manager.css';
import { LibraryManager } from '../../components/LibraryManager';

const root = document.getElementById('app');
if (root) render(<LibraryManager />, root);
