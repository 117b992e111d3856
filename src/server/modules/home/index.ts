/** The home module's door: the 待办 route and query. */
export { homeRoutes } from './home.routes.js';
export { homeTodo } from './home.service.js';
