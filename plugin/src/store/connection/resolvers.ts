// Selecting the status or the cloud details loads them once; later refreshes are explicit thunks.
import { loadCloudDetails, refreshStatus } from './thunks';

export const getStatus = refreshStatus;

export const getCloudDetails = loadCloudDetails;
