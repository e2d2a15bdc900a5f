// A button that asks before it acts (delete, archive, disconnect…): WordPress's dialog where it
// exists, else confirm().
import {
	Button,
	// eslint-disable-next-line @wordpress/no-unsafe-wp-apis -- WordPress 6.5 has no stable ConfirmDialog.
	__experimentalConfirmDialog,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import type { ReactNode } from 'react';

// WordPress 6.5 ships the dialog as __experimentalConfirmDialog; fall back to window.confirm without it.
const ConfirmDialog: typeof __experimentalConfirmDialog | undefined =
	__experimentalConfirmDialog;

interface Props {
	question: string;
	confirmLabel: string;
	onConfirm: () => void;
	children: ReactNode;
	variant?: 'primary' | 'secondary' | 'tertiary' | 'link';
	isDestructive?: boolean;
	isBusy?: boolean;
	disabled?: boolean;
	testId?: string;
}

export default function ConfirmButton( {
	question,
	confirmLabel,
	onConfirm,
	children,
	testId,
	...button
}: Props ) {
	const [ asking, setAsking ] = useState( false );
	const onClick = () => {
		if ( ConfirmDialog ) {
			setAsking( true );
			return;
		}
		// eslint-disable-next-line no-alert -- the fallback where WordPress has no dialog component.
		if ( window.confirm( question ) ) {
			onConfirm();
		}
	};
	return (
		<>
			<Button
				variant={ button.variant ?? 'secondary' }
				isDestructive={ button.isDestructive }
				isBusy={ button.isBusy }
				disabled={ button.disabled || button.isBusy }
				onClick={ onClick }
				data-testid={ testId }
			>
				{ children }
			</Button>
			{ ConfirmDialog && asking && (
				<ConfirmDialog
					isOpen
					confirmButtonText={ confirmLabel }
					onConfirm={ () => {
						setAsking( false );
						onConfirm();
					} }
					onCancel={ () => setAsking( false ) }
				>
					{ question }
				</ConfirmDialog>
			) }
		</>
	);
}
