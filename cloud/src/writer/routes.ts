// /api/v1/writer: tasks, content and images, one router each.
import { createRouter } from '../lib/router';
import { contentRoutes } from './content-routes';
import { imageRoutes } from './image-routes';
import { taskRoutes } from './task-routes';

export const writerRoutes = createRouter();
writerRoutes.route( '/', taskRoutes );
writerRoutes.route( '/', contentRoutes );
writerRoutes.route( '/', imageRoutes );
