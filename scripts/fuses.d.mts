export declare const fuseConfig: Record<number, boolean> & { version: string };
