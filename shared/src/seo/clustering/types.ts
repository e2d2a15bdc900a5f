// The clustering contract, shared by the dashboard (browser) and the cloud (Worker).

export interface ClusterKeyword {
	id: number;
	keyword: string;
	volume?: number | null;
}

export interface ExistingCluster {
	id: number;
	name: string;
	keywords: ClusterKeyword[];
}

export interface ClusteringOptions {
	/** Clusters already in the sector, with their member keywords: extended, never split or renamed. */
	existing?: ExistingCluster[];
	/** IDF-weighted Jaccard similarity a keyword needs with a cluster's representative to join it (0..1, default 0.8). */
	threshold?: number;
	/** Smallest group kept as a cluster (default 2); smaller groups are left unclustered. */
	minClusterSize?: number;
}

export interface NewCluster {
	/** The representative keyword's own text. */
	name: string;
	representativeId: number;
	keywordIds: number[];
}

export interface ClusterExtension {
	clusterId: number;
	keywordIds: number[];
}

export interface ClusteringResult {
	clusters: NewCluster[];
	extended: ClusterExtension[];
	unclustered: number[];
}
