// How the page is laid out, remembered across reloads: presenter mode (larger terminal font and
// picture for a classroom), whether the lesson panel is open, and the share of the right-hand
// column the picture takes above the terminal.

import { readStored, writeStored } from '../platform/local-storage';

const KEY = 'kubetab.ui.v1';
export const PICTURE_SHARE_MIN = 0.2;
export const PICTURE_SHARE_MAX = 0.8;

interface StoredSettings {
  presenter?: unknown;
  lessonsOpen?: unknown;
  pictureShare?: unknown;
}

export class UiSettings {
  presenter = $state(false);
  lessonsOpen = $state(true);
  pictureShare = $state(0.46);

  constructor() {
    const stored = (readStored(KEY) ?? {}) as StoredSettings;
    if (typeof stored.presenter === 'boolean') this.presenter = stored.presenter;
    if (typeof stored.lessonsOpen === 'boolean') this.lessonsOpen = stored.lessonsOpen;
    if (typeof stored.pictureShare === 'number') this.pictureShare = clampShare(stored.pictureShare);
  }

  setPictureShare(share: number): void {
    this.pictureShare = clampShare(share);
    this.save();
  }

  togglePresenter(): void {
    this.presenter = !this.presenter;
    this.save();
  }

  toggleLessons(): void {
    this.lessonsOpen = !this.lessonsOpen;
    this.save();
  }

  private save(): void {
    writeStored(KEY, { presenter: this.presenter, lessonsOpen: this.lessonsOpen, pictureShare: this.pictureShare });
  }
}

function clampShare(share: number): number {
  return Math.min(PICTURE_SHARE_MAX, Math.max(PICTURE_SHARE_MIN, Number.isFinite(share) ? share : 0.46));
}
