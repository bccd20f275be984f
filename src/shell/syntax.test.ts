import { describe, expect, it } from 'vitest';
import { heredocDelimiters, HeredocReader, needsContinuation } from './syntax';

describe('heredocDelimiters', () => {
  it('finds each heredoc a line opens, quoted delimiters and <<- included', () => {
    expect(heredocDelimiters('kubectl apply -f - <<EOF')).toEqual(['EOF']);
    expect(heredocDelimiters("cat <<'A' <<-\"B\" > out")).toEqual(['A', 'B']);
  });

  it('reads << inside quotes or after a backslash as text', () => {
    expect(heredocDelimiters("echo '=== apply <<EOF'")).toEqual([]);
    expect(heredocDelimiters('echo "a <<EOF" \\<<B')).toEqual([]);
    expect(heredocDelimiters("echo '<<A' <<B")).toEqual(['B']);
  });
});

describe('HeredocReader', () => {
  it('tells commands from heredoc bodies and their closing delimiters, heredoc after heredoc', () => {
    const reader = new HeredocReader();
    const lines = ["cat <<A <<'B'", '  indented: yes', 'A', 'echo <<A', 'B', 'kubectl get pods'];
    expect(lines.map((line) => [reader.read(line), reader.inBody])).toEqual([
      ['command', true],
      ['body', true],
      ['end', true],
      ['body', true],
      ['end', false],
      ['command', false],
    ]);
  });
});

describe('needsContinuation', () => {
  it('asks for another line after an open quote, a trailing backslash or a pipe', () => {
    expect(needsContinuation("echo 'open")).toBe(true);
    expect(needsContinuation('kubectl get pods \\')).toBe(true);
    expect(needsContinuation('kubectl get pods |')).toBe(true);
    expect(needsContinuation('echo "a \\" b"')).toBe(false);
    expect(needsContinuation("echo 'done' && ls")).toBe(false);
  });
});
