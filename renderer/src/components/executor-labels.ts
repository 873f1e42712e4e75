import { createContext, useContext } from 'react';
import { EXECUTOR_LABELS } from '../../../domain/documents/common';

/** 주체's labels for the catalog's city (국가 / 서울시 for Seoul), set by App from the catalog in use. */
export const ExecutorLabelsContext = createContext(EXECUTOR_LABELS);

export const useExecutorLabels = () => useContext(ExecutorLabelsContext);
