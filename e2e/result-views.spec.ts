import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import { expectCount, fixturePath, itemNamed, openApp } from './helpers';

/** The machine running the suite may be busy: allow a slow first parse and a lazily loaded chunk. */
const expect = baseExpect.configure({ timeout: 10_000 });

/**
 * The result panel's purpose-made views (`[data-result-view=<kind>]`) on callbacks generated from the Go SDK structs
 * (src/domain/__fixtures__/sdk-generated/: every field filled with its name and a number), loaded from the file
 * picker as a person would, in XML and JSON forms.
 */
const FILES = [
  'SpeechRecognition.list2.xml',
  'ImageOCR.list1.json',
  'VideoTag.list1.xml',
  'QualityEstimate.list1.json',
  'FileHashCode.list1.xml',
  'FileCompress.list2.json',
  'FileUncompress.list1.xml',
  'Translation.list1.json',
  'InventoryTrigger-Job.list1.xml',
  'WorkflowFinish.list1.json',
] as const;

const TITLES = {
  en: {
    speech: 'Speech recognition',
    ocr: 'Text in the image (OCR)',
    videoTags: 'Video tags',
    quality: 'Quality score',
    hash: 'File hash codes',
    compress: 'Compressed archive',
    uncompress: 'Extracted files',
    translation: 'Translation',
    batch: 'Batch job',
  },
  zh: {
    speech: '语音识别',
    ocr: '图片文字（OCR）',
    videoTags: '视频标签',
    quality: '质量评分',
    hash: '文件哈希值',
    compress: '压缩包',
    uncompress: '解压文件',
    translation: '翻译',
    batch: '批量任务',
  },
} as const;

async function open(page: Page, file: string, kind: keyof (typeof TITLES)['en']): Promise<Locator> {
  await itemNamed(page, file).click();
  const view = page.locator(`section[data-panel="result"] [data-result-view="${kind}"]`);
  await expect(view, file).toHaveCount(1);
  return view;
}

for (const lang of ['en', 'zh'] as const) {
  test(`result views on SDK-generated callbacks (${lang}): speech, OCR, tags, quality, hashes, files, translation, batch`, async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const title = TITLES[lang];
    await openApp(page, lang);
    await page.getByTestId('file-input').setInputFiles(FILES.map((f) => fixturePath(`sdk-generated/${f}`)));
    await expectCount(page, FILES.length);

    const speech = await open(page, 'SpeechRecognition.list2.xml', 'speech');
    await expect(speech.getByRole('heading')).toHaveText(title.speech);
    await expect(speech.locator('.pn-result-lines li')).toHaveText(['Result-49', 'Result-50']);
    await expect(speech).toContainText('48.5');

    const ocr = await open(page, 'ImageOCR.list1.json', 'ocr');
    await expect(ocr.getByRole('heading')).toHaveText(title.ocr);
    await expect(ocr.locator('.pn-result-lines li')).toHaveCount(1);
    await expect(ocr.locator('.pn-result-lines li')).toContainText('DetectedText-52');
    await expect(ocr.locator('.pn-result-lines li')).toContainText('53');
    await expect(ocr).toContainText('Language-72');

    const tags = await open(page, 'VideoTag.list1.xml', 'videoTags');
    await expect(tags.getByRole('heading')).toHaveText(title.videoTags);
    await expect(tags.locator('.pn-result-group')).toHaveCount(6);
    await expect(tags.locator('.pn-result-tag')).toHaveText([
      /Tag-39.*TagCls-40.*41\.5/,
      /Name-42.*Count-44.*43\.5/,
      /Tag-52.*56–EndTime-57.*54\.5/,
      /Tag-60.*63–EndTime-64.*62\.5/,
      /Name-66.*TimeStamp-72.*67\.5/,
      /Second-74.*First-73.*75\.5/,
    ]);

    const quality = await open(page, 'QualityEstimate.list1.json', 'quality');
    await expect(quality.getByRole('heading')).toHaveText(title.quality);
    await expect(quality.locator('.pn-result-score')).toHaveText('37');
    await expect(quality).toContainText('Type-40');

    const hash = await open(page, 'FileHashCode.list1.xml', 'hash');
    await expect(hash.getByRole('heading')).toHaveText(title.hash);
    for (const value of ['MD5-21', 'SHA1-22', 'SHA256-23', 'LastModified-25', 'Etag-26'])
      await expect(hash).toContainText(value);
    await expect(hash).toContainText('24 B');

    const compress = await open(page, 'FileCompress.list2.json', 'compress');
    await expect(compress.getByRole('heading')).toHaveText(title.compress);
    for (const value of ['Bucket-38', 'Region-37', 'Object-39', '40', '41'])
      await expect(compress).toContainText(value);
    await expect(compress).toContainText('https://Bucket-38.cos.Region-37.myqcloud.com/Object-39');
    await expect(compress.locator('ul.pn-result-lines li')).toHaveText(['ErrorFile-43', 'ErrorFile-44']);

    const uncompress = await open(page, 'FileUncompress.list1.xml', 'uncompress');
    await expect(uncompress.getByRole('heading')).toHaveText(title.uncompress);
    for (const value of ['Bucket-26', 'Region-25', '27']) await expect(uncompress).toContainText(value);

    const translation = await open(page, 'Translation.list1.json', 'translation');
    await expect(translation.getByRole('heading')).toHaveText(title.translation);
    for (const value of ['Lang-13', 'Lang-37', 'Type-38', 'Object-24'])
      await expect(translation).toContainText(value);
    await expect(translation).toContainText('https://Bucket-23.cos.Region-22.myqcloud.com/Object-24');

    const batch = await open(page, 'InventoryTrigger-Job.list1.xml', 'batch');
    await expect(batch.getByRole('heading')).toHaveText(title.batch);
    for (const value of ['WorkflowIds-16', 'Prefix-14', 'Tag-28', 'TemplateId-140', 'Start-17 – End-18'])
      await expect(batch).toContainText(value);

    // A WorkflowFinish ObjectInfo's ImageOcrResult: the OCR view, with its task and object.
    const taskOcr = await open(page, 'WorkflowFinish.list1.json', 'ocr');
    await expect(taskOcr.getByRole('heading')).toHaveText(title.ocr);
    await expect(taskOcr.locator('.pn-result-lines li')).toContainText('DetectedText-36');
    for (const value of ['Name-16', 'ObjectName-24', 'Language-56'])
      await expect(taskOcr).toContainText(value);
    await expect(page.locator('section[data-panel="tasks"]')).toBeVisible();

    expect(errors).toEqual([]);
  });
}
