// The automatic JSX runtime over the global React. WordPress 6.5 has no `react-jsx-runtime` script
// (it came in 6.6), so webpack.config.js points `react/jsx-runtime` here instead of at that global.
import {
	createElement,
	Fragment,
	type ElementType,
	type Key,
	type ReactElement,
} from 'react';

type Props = { children?: unknown } & Record< string, unknown >;

function element(
	type: ElementType,
	props: Props,
	key: Key | undefined,
	staticChildren: boolean
): ReactElement {
	const { children, ...config } = props;
	if ( key !== undefined ) {
		config.key = key;
	}
	if ( children === undefined ) {
		return createElement( type, config );
	}
	// `jsxs` children are a literal list in the source: spread them so React does not ask for keys.
	const list =
		staticChildren && Array.isArray( children ) ? children : [ children ];
	return createElement( type, config, ...( list as never[] ) );
}

export function jsx(
	type: ElementType,
	props: Props,
	key?: Key
): ReactElement {
	return element( type, props, key, false );
}

export function jsxs(
	type: ElementType,
	props: Props,
	key?: Key
): ReactElement {
	return element( type, props, key, true );
}

export function jsxDEV(
	type: ElementType,
	props: Props,
	key: Key | undefined,
	isStatic: boolean
): ReactElement {
	return element( type, props, key, isStatic );
}

export { Fragment };
