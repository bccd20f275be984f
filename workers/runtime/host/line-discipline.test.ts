import { expect, it } from 'vitest';
import { LineDiscipline } from './line-discipline';

function terminal() {
  const lines: string[] = [];
  let echo = '';
  let interrupts = 0;
  const discipline = new LineDiscipline({
    input: (data) => lines.push(new TextDecoder().decode(data)),
    echo: (text) => (echo += text),
    interrupt: () => interrupts++,
  });
  return { discipline, lines, echo: () => echo, interrupts: () => interrupts };
}

it('echoes typed keys and delivers the line on Enter', () => {
  const t = terminal();
  t.discipline.receive('ls -l\r');
  expect(t.lines).toEqual(['ls -l\n']);
  expect(t.echo()).toBe('ls -l\r\n');
});

it('erases with backspace and kills the line with Ctrl+U', () => {
  const t = terminal();
  t.discipline.receive('cay\x7ft\r');
  t.discipline.receive('oops\x15ok\r');
  expect(t.lines).toEqual(['cat\n', 'ok\n']);
  expect(t.echo()).toBe('cay\b \bt\r\noops' + '\b \b'.repeat(4) + 'ok\r\n');
});

it('Ctrl+C drops the line and interrupts; Ctrl+D ends input or submits a partial line', () => {
  const t = terminal();
  t.discipline.receive('half\x03');
  t.discipline.receive('part\x04');
  t.discipline.receive('\x04');
  expect(t.interrupts()).toBe(1);
  expect(t.lines).toEqual(['part', '']);
  expect(t.echo()).toBe('half^C\r\npart');
});

it('ignores arrow keys and turns output newlines into CR LF', () => {
  const t = terminal();
  t.discipline.receive('a\x1b[Ab\r');
  expect(t.lines).toEqual(['ab\n']);
  expect(LineDiscipline.output('one\ntwo\n')).toBe('one\r\ntwo\r\n');
});
