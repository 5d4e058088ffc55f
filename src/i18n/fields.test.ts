import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getLoadedFieldGlossary, loadFieldGlossary } from './field-glossary';
import { fieldsEn } from './fields-en';
import { fieldsZh } from './fields-zh';
import {
  RESULT_NODES,
  TASK_PARAMETER_NODES,
  fileCompressResultSchema,
  fileHashCodeResultSchema,
  fileUncompressResultSchema,
} from '../domain/normalize/schema';
import { lookupFieldHelp } from './i18n';

/** Node names the glossary must explain (DESIGN.md, FIELDS.md). */
const REQUIRED_NODES = [
  'Code',
  'Message',
  'JobId',
  'Tag',
  'SubTag',
  'State',
  'Progress',
  'CreationTime',
  'StartTime',
  'EndTime',
  'QueueId',
  'QueueType',
  'Input',
  'BucketId',
  'Object',
  'Region',
  'CosHeaders',
  'Key',
  'Value',
  'Operation',
  'TemplateId',
  'TemplateName',
  'Output',
  'Bucket',
  'UserData',
  'JobLevel',
  'PicProcess',
  'IsPicInfo',
  'ProcessRule',
  'PicProcessResult',
  'ObjectName',
  'OriginalInfo',
  'Etag',
  'ETag',
  'ImageInfo',
  'Format',
  'Width',
  'Height',
  'Quality',
  'Ave',
  'Orientation',
  'ProcessResult',
  'Size',
  'UploadResult',
  'ProcessResults',
  'Location',
  'MediaInfo',
  'MediaResult',
  'OutputFile',
  'ObjectPrefix',
  'Md5Info',
  'Md5',
  'SpriteOutputFile',
  'Stream',
  'Audio',
  'Video',
  'Subtitle',
  'Duration',
  'Bitrate',
  'Fps',
  'CodecName',
  'Workflow',
  'RunId',
  'WorkflowId',
  'WorkflowName',
  'Name',
  'WorkflowExecution',
  'CreateTime',
  'Tasks',
  'Type',
  'ResultInfo',
  'ObjectCount',
  'ObjectInfo',
  'ObjectUrl',
  'EventName',
  'WatermarkTemplateId',
  'TranscodeTemplateId',
  'SpriteObject',
];

/** Names that mean different things under different parents, each with its own entry. */
const QUALIFIED_NODES = [
  'Input.Object',
  'Output.Object',
  'ProcessResults.Object',
  'WorkflowExecution.Object',
  'CosHeaders.Key',
  'CosHeaders.Value',
  'OriginalInfo.Key',
  'Object.Key',
  'ProcessResult.Size',
  'Format.Size',
  'MediaInfo.Format',
  'ImageInfo.Format',
  'OriginalInfo.Etag',
  'ProcessResult.Etag',
  'DigitalWatermark.State',
  'DigitalWatermark.Message',
  'WorkflowExecution.State',
  'Tasks.State',
  'Tasks.Type',
  'Input.Type',
  'Workflow.Name',
  'Tasks.Name',
];

const MAX_LENGTH = 120;

describe('field glossary', () => {
  it.each([
    ['en', fieldsEn],
    ['zh', fieldsZh],
  ] as const)('%s explains every required node', (_lang, glossary) => {
    const missing = [...REQUIRED_NODES, ...QUALIFIED_NODES].filter((name) => !Object.hasOwn(glossary, name));
    expect(missing).toEqual([]);
  });

  it.each([
    ['en', fieldsEn],
    ['zh', fieldsZh],
  ] as const)(
    '%s explains every node the result panel lists among task parameters and results',
    (_l, glossary) => {
      const listed = [
        ...TASK_PARAMETER_NODES,
        ...RESULT_NODES,
        // Typed results and the nodes of file processing and batch jobs, shown in the result panel's views.
        ...Object.values(fileHashCodeResultSchema).flatMap((f) => f.wire),
        ...Object.values(fileCompressResultSchema).flatMap((f) => f.wire),
        ...Object.values(fileUncompressResultSchema).flatMap((f) => f.wire),
        'FileHashCodeResult',
        'FileCompressResult',
        'FileUncompressResult',
        'ErrorFile',
        'Manifest',
        'UrlFile',
        'Prefix',
        'WorkflowIds',
        'TimeInterval',
        'JobParam',
      ];
      expect(listed.filter((name) => !Object.hasOwn(glossary, name))).toEqual([]);
    },
  );

  it('every English key exists in Chinese, and vice versa', () => {
    expect(Object.keys(fieldsEn).filter((key) => !Object.hasOwn(fieldsZh, key))).toEqual([]);
    expect(Object.keys(fieldsZh).filter((key) => !Object.hasOwn(fieldsEn, key))).toEqual([]);
  });

  it.each([
    ['en', fieldsEn],
    ['zh', fieldsZh],
  ] as const)('%s entries are one short, non-empty sentence', (_lang, glossary) => {
    const bad = Object.entries(glossary).filter(
      ([, text]) => text.trim() === '' || [...text].length > MAX_LENGTH || text.includes('\n'),
    );
    expect(bad).toEqual([]);
  });

  it('keys are wire names or Parent.Child', () => {
    const bad = Object.keys(fieldsEn).filter((key) => !/^[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)?$/.test(key));
    expect(bad).toEqual([]);
  });

  it('tells same-named nodes apart by parent', () => {
    expect(lookupFieldHelp(fieldsEn, 'Object', 'Input')).toBe(fieldsEn['Input.Object']);
    expect(lookupFieldHelp(fieldsEn, 'Object', 'Response.JobsDetail.Operation.Output')).toBe(
      fieldsEn['Output.Object'],
    );
    expect(lookupFieldHelp(fieldsZh, 'Size', 'ProcessResult')).toBe(fieldsZh['ProcessResult.Size']);
    expect(lookupFieldHelp(fieldsZh, 'Ave', 'ImageInfo')).toBe(fieldsZh.Ave);
  });
});

describe('loadFieldGlossary', () => {
  it('loads each language once and caches it', async () => {
    expect(getLoadedFieldGlossary('zh')).toBeUndefined();
    const first = await loadFieldGlossary('zh');
    expect(first.JobId).toBe(fieldsZh.JobId);
    expect(getLoadedFieldGlossary('zh')).toBe(first);
    expect(await loadFieldGlossary('zh')).toBe(first);
    expect((await loadFieldGlossary('en')).JobId).toBe(fieldsEn.JobId);
  });
});

describe('bundle boundary', () => {
  it('no module imports a glossary statically (they are loaded with import() only)', () => {
    const srcRoot = join(import.meta.dirname, '..');
    const offenders = listSourceFiles(srcRoot)
      .filter((file) => !/\.test\.tsx?$/.test(file))
      .filter((file) => {
        const text = readFileSync(file, 'utf8');
        // `import type` is erased at build time and is fine; a value import or re-export is not.
        return /^\s*(import(?!\s+type\b)|export)\b[^;]*?from\s+['"][^'"]*fields-(en|zh)(\.ts)?['"]/m.test(
          text,
        );
      })
      .map((file) => relative(srcRoot, file));
    expect(offenders).toEqual([]);
  });
});

function listSourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === 'node_modules' || name.startsWith('__') ? [] : listSourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
