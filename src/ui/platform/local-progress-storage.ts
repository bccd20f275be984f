// Lesson progress kept in localStorage, so it survives reloads and cluster resets.

import { parseProgress, type ProgressData, type ProgressStorage } from '../../lessons/progress';
import { readStored, writeStored } from './local-storage';

const KEY = 'kubetab.lesson-progress.v1';

export const localProgressStorage: ProgressStorage = {
  load: (): ProgressData => parseProgress(readStored(KEY)),
  save: (data: ProgressData) => writeStored(KEY, data),
};
