// A task's outline: the sections the article follows, each a heading with its level and notes, in order.
import {
	Button,
	SelectControl,
	TextareaControl,
	TextControl,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import { WRITER_LIMITS } from '../common/constants';
import {
	moveSection,
	newSection,
	type HeadingLevel,
	type SectionDraft,
} from './task-form';

interface Props {
	sections: SectionDraft[];
	onChange: ( sections: SectionDraft[] ) => void;
	disabled?: boolean;
	/** The cloud's problems with the outline, if it refused it. */
	problems?: readonly string[];
}

const LEVELS: HeadingLevel[] = [ 2, 3, 4 ];

export default function OutlineEditor( {
	sections,
	onChange,
	disabled = false,
	problems = [],
}: Props ) {
	const update = ( index: number, change: Partial< SectionDraft > ) =>
		onChange(
			sections.map( ( section, at ) =>
				at === index ? { ...section, ...change } : section
			)
		);
	const full = sections.length >= WRITER_LIMITS.outlineSections;
	return (
		<fieldset className="igny8-outline">
			<legend>{ __( 'Outline', 'igny8' ) }</legend>
			<p className="description">
				{ __(
					'The sections the article should have, in order. Leave it empty and the AI plans them.',
					'igny8'
				) }
			</p>
			{ problems.length > 0 && (
				<p className="igny8-field-error">{ problems.join( ' ' ) }</p>
			) }
			<ol className="igny8-outline-sections">
				{ sections.map( ( section, index ) => {
					const number = index + 1;
					return (
						<li
							key={ section.key }
							className="igny8-outline-section"
						>
							<div className="igny8-outline-row">
								<TextControl
									__nextHasNoMarginBottom
									label={ sprintf(
										/* translators: %d: the section's number */
										__( 'Section %d heading', 'igny8' ),
										number
									) }
									value={ section.heading }
									onChange={ ( heading: string ) =>
										update( index, { heading } )
									}
									disabled={ disabled }
								/>
								<SelectControl
									__nextHasNoMarginBottom
									label={ sprintf(
										/* translators: %d: the section's number */
										__( 'Section %d level', 'igny8' ),
										number
									) }
									value={ String( section.level ) }
									options={ LEVELS.map( ( level ) => ( {
										value: String( level ),
										label: `H${ level }`,
									} ) ) }
									onChange={ ( value: string ) =>
										update( index, {
											level: Number(
												value
											) as HeadingLevel,
										} )
									}
									disabled={ disabled }
								/>
							</div>
							<TextareaControl
								__nextHasNoMarginBottom
								label={ sprintf(
									/* translators: %d: the section's number */
									__( 'Section %d notes', 'igny8' ),
									number
								) }
								value={ section.notes }
								onChange={ ( notes: string ) =>
									update( index, { notes } )
								}
								rows={ 2 }
								disabled={ disabled }
							/>
							<div className="igny8-outline-actions">
								<Button
									variant="tertiary"
									size="small"
									disabled={ disabled || index === 0 }
									onClick={ () =>
										onChange(
											moveSection( sections, index, -1 )
										)
									}
								>
									{ sprintf(
										/* translators: %d: the section's number */
										__( 'Move section %d up', 'igny8' ),
										number
									) }
								</Button>
								<Button
									variant="tertiary"
									size="small"
									disabled={
										disabled ||
										index === sections.length - 1
									}
									onClick={ () =>
										onChange(
											moveSection( sections, index, 1 )
										)
									}
								>
									{ sprintf(
										/* translators: %d: the section's number */
										__( 'Move section %d down', 'igny8' ),
										number
									) }
								</Button>
								<Button
									variant="tertiary"
									size="small"
									isDestructive
									disabled={ disabled }
									onClick={ () =>
										onChange(
											sections.filter(
												( _, at ) => at !== index
											)
										)
									}
								>
									{ sprintf(
										/* translators: %d: the section's number */
										__( 'Remove section %d', 'igny8' ),
										number
									) }
								</Button>
							</div>
						</li>
					);
				} ) }
			</ol>
			<Button
				variant="secondary"
				disabled={ disabled || full }
				onClick={ () => onChange( [ ...sections, newSection() ] ) }
			>
				{ __( 'Add section', 'igny8' ) }
			</Button>
		</fieldset>
	);
}
