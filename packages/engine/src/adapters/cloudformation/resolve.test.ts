import { describe, expect, it } from 'vitest';
import { isUnknown, possibleValues, type Unknown } from '../../model/values.js';
import { TemplateResolver } from './resolve.js';

function resolver(
  body: Record<string, unknown>,
  parameterValues: Record<string, unknown> = {},
  pseudo: Record<string, string> = {},
): TemplateResolver {
  return new TemplateResolver({
    templateKey: 't.yaml',
    body: { Resources: { Bucket: { Type: 'AWS::S3::Bucket' } }, ...body },
    parameterValues,
    pseudo,
    stackName: 'stack',
    report: () => {},
  });
}

function asUnknown(value: unknown): Unknown {
  expect(isUnknown(value), `expected an Unknown, got ${JSON.stringify(value)}`).toBe(true);
  return value as Unknown;
}

describe('parameters without a value', () => {
  const parameters = {
    Parameters: {
      DbPassword: { Type: 'String', NoEcho: true },
      Legacy: { Type: 'String', NoEcho: 'true' },
      Stage: { Type: 'String' },
      WithDefault: { Type: 'String', NoEcho: true, Default: 'literal-default' },
      FromSsm: { Type: 'AWS::SSM::Parameter::Value<String>', NoEcho: true, Default: '/app/token' },
    },
    Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] } },
  };

  it('mark the unknown with the parameter, NoEcho or not', () => {
    const r = resolver(parameters);
    expect(asUnknown(r.resolve({ Ref: 'DbPassword' })).parameter).toEqual({
      name: 'DbPassword',
      noEcho: true,
    });
    expect(asUnknown(r.resolve({ Ref: 'Legacy' })).parameter).toEqual({ name: 'Legacy', noEcho: true });
    expect(asUnknown(r.resolve({ Ref: 'Stage' })).parameter).toEqual({ name: 'Stage', noEcho: false });
    expect(asUnknown(r.resolve({ Ref: 'FromSsm' })).parameter).toEqual({ name: 'FromSsm', noEcho: true });
  });

  it('keep the marker through Fn::Sub, Fn::Join, Fn::Base64 and an undecided Fn::If, NoEcho first', () => {
    const r = resolver(parameters);
    const sub = asUnknown(r.resolve({ 'Fn::Sub': 'postgres://${Stage}:${DbPassword}@db/app' }));
    expect(sub.parameter).toEqual({ name: 'DbPassword', noEcho: true });
    expect(sub.$unknown).toMatch(/^Fn::Sub includes/);
    const subVariables = asUnknown(
      r.resolve({ 'Fn::Sub': ['Bearer ${Token}', { Token: { Ref: 'Legacy' } }] }),
    );
    expect(subVariables.parameter?.name).toBe('Legacy');
    const join = asUnknown(r.resolve({ 'Fn::Join': [' ', ['Bearer', { Ref: 'DbPassword' }]] }));
    expect(join.parameter?.name).toBe('DbPassword');
    const conditional = asUnknown(
      r.resolve({ 'Fn::If': ['IsProd', { Ref: 'DbPassword' }, { Ref: 'AWS::NoValue' }] }),
    );
    expect(conditional.parameter?.name).toBe('DbPassword');
    expect(asUnknown(r.resolve({ 'Fn::Base64': { Ref: 'DbPassword' } })).parameter?.noEcho).toBe(true);
  });

  it('do not mark a dynamic reference built around a parameter (it names the secret)', () => {
    const r = resolver(parameters);
    const reference = asUnknown(
      r.resolve({
        'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: 'DbPassword' }, ':SecretString:password}}']],
      }),
    );
    expect(reference.parameter).toBeUndefined();
  });

  it('resolve to the value when one is given or defaulted (the literal is then judged as written)', () => {
    const r = resolver(parameters, { DbPassword: 'supplied' });
    expect(r.resolve({ Ref: 'DbPassword' })).toBe('supplied');
    expect(r.resolve({ Ref: 'WithDefault' })).toBe('literal-default');
  });

  it('mark a value a parent stack passes into a NoEcho parameter', () => {
    const r = resolver(parameters, { DbPassword: { $unknown: 'imported from another stack' } });
    expect(asUnknown(r.resolve({ Ref: 'DbPassword' })).parameter).toEqual({
      name: 'DbPassword',
      noEcho: true,
    });
  });

  it('do not mark a mapping value looked up by a parameter', () => {
    const r = resolver({
      ...parameters,
      Mappings: { Sizes: { prod: { Class: 'db.r6g.large' }, dev: { Class: 'db.t4g.small' } } },
    });
    const value = asUnknown(r.resolve({ 'Fn::FindInMap': ['Sizes', { Ref: 'Stage' }, 'Class'] }));
    expect(value.parameter).toBeUndefined();
    expect(value.candidates).toEqual(['db.r6g.large', 'db.t4g.small']);
  });
});

describe('candidates of unknowns over literal choices', () => {
  const body = {
    Parameters: { Env: { Type: 'String' } },
    Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
    Mappings: {
      ElbAccount: {
        'us-east-1': { Id: '127311923021' },
        'us-west-2': { Id: '797873946194' },
        'eu-west-1': { Id: '156460612806', Extra: '*' },
      },
      Regions: { prod: { Primary: 'us-east-1' }, dev: { Primary: 'eu-west-1' } },
    },
  };

  it('Fn::FindInMap with an unknown top-level key yields every entry of the column', () => {
    const value = asUnknown(
      resolver(body).resolve({ 'Fn::FindInMap': ['ElbAccount', { Ref: 'AWS::Region' }, 'Id'] }),
    );
    expect(value.$unknown).toBe('AWS::Region, known at deploy time');
    expect(value.candidates).toEqual(['127311923021', '797873946194', '156460612806']);
    expect(possibleValues(value)).toEqual(value.candidates);
    expect(possibleValues('x')).toEqual(['x']);
  });

  it('Fn::FindInMap with an unknown second-level key yields the row; DefaultValue counts', () => {
    const r = resolver(body);
    expect(
      asUnknown(r.resolve({ 'Fn::FindInMap': ['ElbAccount', 'eu-west-1', { Ref: 'Env' }] })).candidates,
    ).toEqual(['156460612806', '*']);
    expect(
      asUnknown(
        r.resolve({
          'Fn::FindInMap': ['ElbAccount', { Ref: 'AWS::Region' }, 'Id', { DefaultValue: '000000000000' }],
        }),
      ).candidates,
    ).toContain('000000000000');
  });

  it('a key with candidates selects only those rows (nested Fn::FindInMap)', () => {
    const value = asUnknown(
      resolver(body).resolve({
        'Fn::FindInMap': ['ElbAccount', { 'Fn::FindInMap': ['Regions', { Ref: 'Env' }, 'Primary'] }, 'Id'],
      }),
    );
    expect(value.candidates).toEqual(['127311923021', '156460612806']);
  });

  it('the region resolves the lookup when it is known', () => {
    const r = resolver(body, {}, { 'AWS::Region': 'us-west-2' });
    expect(r.resolve({ 'Fn::FindInMap': ['ElbAccount', { Ref: 'AWS::Region' }, 'Id'] })).toBe('797873946194');
  });

  it('Fn::Join and Fn::Sub over candidates yield each joined string', () => {
    const r = resolver(body);
    const arn = asUnknown(
      r.resolve({
        'Fn::Join': [
          '',
          ['arn:aws:iam::', { 'Fn::FindInMap': ['ElbAccount', { Ref: 'AWS::Region' }, 'Id'] }, ':root'],
        ],
      }),
    );
    expect(arn.candidates).toEqual([
      'arn:aws:iam::127311923021:root',
      'arn:aws:iam::797873946194:root',
      'arn:aws:iam::156460612806:root',
    ]);
    // A part that can be anything (a parameter without a value) leaves the join without candidates.
    expect(asUnknown(r.resolve({ 'Fn::Sub': 'arn:aws:iam::${Env}:root' })).candidates).toBeUndefined();
  });

  it('an undecided Fn::If yields both branches, unless one is a reference, unknown or AWS::NoValue', () => {
    const r = resolver(body);
    expect(asUnknown(r.resolve({ 'Fn::If': ['IsProd', 'a', ['b', 'c']] })).candidates).toEqual([
      'a',
      ['b', 'c'],
    ]);
    expect(asUnknown(r.resolve({ 'Fn::If': ['IsProd', 'a', { Ref: 'Bucket' }] })).candidates).toBeUndefined();
    expect(asUnknown(r.resolve({ 'Fn::If': ['IsProd', 'a', { Ref: 'Env' }] })).candidates).toBeUndefined();
    expect(
      asUnknown(r.resolve({ 'Fn::If': ['IsProd', 'a', { Ref: 'AWS::NoValue' }] })).candidates,
    ).toBeUndefined();
  });
});

describe('strings built from literal and deploy-time parts', () => {
  it('keep their literal text as a pattern, deploy-time parts as *', () => {
    const r = resolver({ Parameters: { Name: { Type: 'String' } } });
    expect(
      asUnknown(r.resolve({ 'Fn::Sub': 'arn:aws:securityhub:${AWS::Region}::standards/cis/v/3.0.0' }))
        .pattern,
    ).toBe('arn:aws:securityhub:*::standards/cis/v/3.0.0');
    expect(
      asUnknown(r.resolve({ 'Fn::Join': ['/', ['a', { Ref: 'Name' }, { 'Fn::Sub': 'b-${Name}' }]] })).pattern,
    ).toBe('a/*/b-*');
    // Nothing literal: no pattern.
    expect(asUnknown(r.resolve({ 'Fn::Sub': '${Name}' })).pattern).toBeUndefined();
  });

  it('decide matches only on literal text', async () => {
    const { stringMatches } = await import('../../model/values.js');
    const r = resolver({ Parameters: { Name: { Type: 'String' } } });
    const arn = r.resolve({ 'Fn::Sub': 'arn:aws:securityhub:${AWS::Region}::standards/${Name}' });
    expect(stringMatches(arn, /standards\/[a-z]/)).toBe(false);
    expect(stringMatches('standards/cis', /standards\/[a-z]/)).toBe(true);
    expect(stringMatches(r.resolve({ Ref: 'Name' }), /x/)).toBeUndefined();
  });
});

describe('names that are also Object.prototype members', () => {
  it('are not resources, conditions or map entries, and a __proto__ key stays an own key', () => {
    const reports: string[] = [];
    const r = new TemplateResolver({
      templateKey: 't.yaml',
      body: {
        Conditions: {},
        Mappings: { M: { a: { b: 'x' } } },
        Resources: { Bucket: { Type: 'AWS::S3::Bucket' } },
      },
      parameterValues: {},
      pseudo: {},
      stackName: 'stack',
      report: (message) => reports.push(message),
    });
    expect(isUnknown(r.resolve({ Ref: 'constructor' }))).toBe(true);
    expect(r.condition('toString')).toEqual(expect.objectContaining({ $unknown: expect.any(String) }));
    expect(isUnknown(r.resolve({ 'Fn::GetAtt': ['__proto__', 'Arn'] }))).toBe(true);
    expect(r.resolve({ 'Fn::FindInMap': ['M', 'constructor', 'name'] })).toEqual(expect.anything());
    expect(reports).toEqual([
      'Ref to "constructor", which is neither a parameter nor a resource',
      'condition "toString" is not declared under Conditions',
      expect.stringMatching(/__proto__/),
      expect.stringMatching(/^Fn::FindInMap: mapping M has no constructor\.name/),
    ]);
    const resolved = r.resolve(
      JSON.parse('{"__proto__": {"polluted": {"Ref": "Bucket"}}, "b": {"Ref": "Bucket"}}'),
    ) as Record<string, unknown>;
    expect(Object.hasOwn(resolved, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(resolved)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
