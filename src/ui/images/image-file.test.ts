import { describe, expect, it } from 'vitest';
import { runHint, suggestedImageName } from './image-file';

describe('image names for picked files', () => {
  it('turns a file name into a valid image reference with a v1 tag', () => {
    expect(suggestedImageName('hello.wasm')).toBe('hello:v1');
    expect(suggestedImageName('My App (2).wasm')).toBe('my-app-2:v1');
    expect(suggestedImageName('__.wasm')).toBe('my-program:v1');
  });

  it('suggests a kubectl run line that uses the loaded image', () => {
    expect(runHint('my_app:v1')).toBe('kubectl run my-app --image=my_app:v1 --image-pull-policy=Never --restart=Never');
  });
});
