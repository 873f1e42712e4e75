import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type DefaultValues, type FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import type { OpenedDocument } from '../../../domain/api/contract';
import { asAnyForm, type AnyForm } from './form-kit';
import { useAutosave, type AutosaveHandle } from './use-autosave';

/**
 * A drafting form over an opened document, as the four forms set it up: checked by the document's schema on every
 * change, starting from `defaultValues`, and autosaved. The form is untyped (`AnyForm`): its fields are the
 * schema's dot paths.
 */
export function useDocumentForm<In extends FieldValues, Out>(
  schema: z.ZodType<Out, In>,
  defaultValues: DefaultValues<In>,
  opened: OpenedDocument,
): { form: AnyForm; handle: AutosaveHandle } {
  const typed = useForm<In, unknown, Out>({ resolver: zodResolver(schema), defaultValues, mode: 'onChange' });
  const form = asAnyForm(typed);
  return { form, handle: useAutosave(form, opened) };
}
