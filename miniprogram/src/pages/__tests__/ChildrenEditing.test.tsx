import { fireEvent, render, screen } from '@testing-library/react';
import type { ChildDto } from '@toyclub/shared';
import { ChildrenPage } from '../children/index';
import { memberMe } from '../../../test/memberFixtures';
import { callsTo, serveRoutes } from '../../../test/serveRoutes';
import { startSignedIn, tap } from '../../../test/pageActions';

const GUARDIAN = { currentPolicyVersion: '2026-01', privacyAccepted: true, privacyAcceptedVersion: '2026-01', guardianAccepted: true };
const child: ChildDto = { id: 'c1', name: '小明', birthYear: 2020, birthMonth: 5, birthDay: 20, gender: null, interests: [] };

beforeEach(() => startSignedIn('h5'));

describe('ChildrenPage gender, interests and editing', () => {
  it('adds a child with gender and interests and shows them', async () => {
    const saved: ChildDto = { ...child, id: 'c2', name: '豆豆', birthYear: null, gender: 'girl', interests: ['dolls', 'books'] };
    serveRoutes({ 'GET /api/mp/me': memberMe({ consent: GUARDIAN }), 'GET /api/mp/children': { children: [] }, 'POST /api/mp/children': { status: 201, body: saved } });
    render(<ChildrenPage />);
    await screen.findByText('还没有添加孩子');
    fireEvent.change(document.getElementById('child-name') as HTMLElement, { target: { value: '豆豆' } });
    fireEvent.change(document.getElementById('child-month') as HTMLElement, { target: { value: '5' } });
    fireEvent.change(document.getElementById('child-day') as HTMLElement, { target: { value: '20' } });
    await tap('child-gender-girl');
    await tap('child-interest-dolls');
    await tap('child-interest-science');
    await tap('child-interest-books');
    await tap('child-interest-science');
    await tap('child-add');
    expect(callsTo('POST /api/mp/children')[0]?.data).toEqual({ name: '豆豆', birthMonth: 5, birthDay: 20, gender: 'girl', interests: ['dolls', 'books'] });
    await screen.findByText('女孩 · 喜欢娃娃公仔、绘本图书');
  });

  it('edits a child with PUT, keeping the birth year, and can clear the gender', async () => {
    const withGender: ChildDto = { ...child, gender: 'boy', interests: ['vehicles'] };
    const edited: ChildDto = { ...child, name: '明明', interests: ['vehicles', 'puzzles'] };
    serveRoutes({ 'GET /api/mp/me': memberMe({ consent: GUARDIAN }), 'GET /api/mp/children': { children: [withGender] }, 'PUT /api/mp/children/c1': edited });
    render(<ChildrenPage />);
    await screen.findByText('男孩 · 喜欢车模交通');
    await tap('child-edit-c1');
    expect((document.getElementById('child-name') as HTMLInputElement).value).toBe('小明');
    expect(document.getElementById('child-gender-boy')?.className).toContain('chips__chip--on');
    expect(screen.getByText('保存')).toBeTruthy();
    fireEvent.change(document.getElementById('child-name') as HTMLElement, { target: { value: '明明' } });
    await tap('child-gender-boy');
    await tap('child-interest-puzzles');
    await tap('child-add');
    expect(callsTo('PUT /api/mp/children/c1')[0]?.data).toEqual({ name: '明明', birthMonth: 5, birthDay: 20, birthYear: 2020, interests: ['vehicles', 'puzzles'] });
    await screen.findByText('明明');
    expect(screen.getByText('喜欢车模交通、拼图益智')).toBeTruthy();
    expect(screen.getByText('添加')).toBeTruthy();
    expect((document.getElementById('child-name') as HTMLInputElement).value).toBe('');
  });

  it('cancels an edit without saving, and refuses a bad birthday', async () => {
    serveRoutes({ 'GET /api/mp/me': memberMe({ consent: GUARDIAN }), 'GET /api/mp/children': { children: [child] } });
    render(<ChildrenPage />);
    await screen.findByText('小明');
    await tap('child-edit-c1');
    fireEvent.change(document.getElementById('child-month') as HTMLElement, { target: { value: '13' } });
    await tap('child-add');
    expect(document.getElementById('children-notice')?.textContent).toBe('请填写孩子的名字和生日（月、日）');
    await tap('child-cancel');
    expect(screen.getByText('添加')).toBeTruthy();
    expect(callsTo('PUT /api/mp/children/c1')).toHaveLength(0);
  });
});
