import { createApp } from 'vue';
import App from './App.vue';
import { gatewayUrl } from './config';
import { startRouter } from './router';
import { restoreSession } from './session';
import './style.css';

// Ask for config.json at once: every request waits for the gateway's address.
void gatewayUrl();
restoreSession();
startRouter();
createApp(App).mount('#app');
