export { messageOf } from '../../core/ipc/messageOf';
