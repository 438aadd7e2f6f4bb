import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Le routeur de messages est branché ici (voir lib/messages).
});
