// Runs in Node before the workerd tests: starts the fake OpenAI-compatible server and hands its URL over.
import type { TestProject } from 'vitest/node';
import { startFakeOpenAi } from './fake-openai.mjs';

declare module 'vitest' {
	export interface ProvidedContext {
		fakeOpenAiUrl: string;
	}
}
// (also declared in test/env.d.ts for the workerd side)

export default async function setup( project: TestProject ) {
	const fake = await startFakeOpenAi();
	project.provide( 'fakeOpenAiUrl', fake.url );
	return () => fake.close();
}
