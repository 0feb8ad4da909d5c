import { createApp } from 'vue';
import App from './App.vue';
import { startRouter } from './router';
import { restoreSession } from './session';
import './style.css';

restoreSession();
startRouter();
createApp(App).mount('#app');
