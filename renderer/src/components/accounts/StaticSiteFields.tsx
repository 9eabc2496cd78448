import type { CallInput } from '../../../../shared/contract';
import { PathField } from '../PathField';
import {
  PostFormatSchema,
  SiteFlavourSchema,
  type PostFormat,
  type SiteFlavour,
} from '../../../../shared/model/staticSite';

/** What the writer has chosen so far for a static site. */
export interface StaticSiteChoice {
  readonly folder: string;
  readonly flavour: SiteFlavour;
  readonly format: PostFormat;
  readonly remote: string;
  readonly address: string;
}

export const emptyStaticSiteChoice: StaticSiteChoice = {
  folder: '',
  flavour: 'hugo',
  format: 'html',
  remote: '',
  address: '',
};

const flavourLabels: Readonly<Record<SiteFlavour, string>> = {
  hugo: 'Hugo (content/posts)',
  jekyll: 'Jekyll (_posts)',
  custom: 'Custom (posts/)',
};

const formatLabels: Readonly<Record<PostFormat, string>> = {
  html: 'HTML: the built page shows exactly the preview',
  markdown: 'Markdown: the generator renders it (its look is the generator’s)',
};

/** The call that adds the site, from the writer's choices and the remote's credentials. */
export function staticAccountInput(
  choice: StaticSiteChoice,
  credentials: { readonly user: string; readonly secret: string },
): CallInput<'addAccount'> {
  return {
    kind: 'static',
    folder: choice.folder.trim(),
    flavour: choice.flavour,
    format: choice.format,
    remote: choice.remote.trim() === '' ? null : choice.remote.trim(),
    address: choice.address.trim() === '' ? null : choice.address.trim(),
    user: credentials.user,
    secret: credentials.secret,
  };
}

/** The fields a static site needs: its folder, generator, body format, remote and public address. */
export function StaticSiteFields({
  choice,
  onChange,
}: {
  readonly choice: StaticSiteChoice;
  readonly onChange: (choice: StaticSiteChoice) => void;
}) {
  return (
    <>
      <PathField
        label="Site folder"
        value={choice.folder}
        onChange={(folder) => onChange({ ...choice, folder })}
        choosers={[{ purpose: 'site-folder', label: 'Choose folder…' }]}
        placeholder="/home/you/my-site"
      />
      <label>
        Generator
        <select
          value={choice.flavour}
          onChange={(event) => onChange({ ...choice, flavour: SiteFlavourSchema.parse(event.target.value) })}
        >
          {SiteFlavourSchema.options.map((option) => (
            <option key={option} value={option}>
              {flavourLabels[option]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Posts are written as
        <select
          value={choice.format}
          onChange={(event) => onChange({ ...choice, format: PostFormatSchema.parse(event.target.value) })}
        >
          {PostFormatSchema.options.map((option) => (
            <option key={option} value={option}>
              {formatLabels[option]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Git remote to push to (optional)
        <input
          type="url"
          placeholder="https://github.com/you/my-site.git"
          value={choice.remote}
          onChange={(event) => onChange({ ...choice, remote: event.target.value })}
        />
      </label>
      <label>
        Site address (optional, when its configuration does not say)
        <input
          type="url"
          placeholder="https://you.example"
          value={choice.address}
          onChange={(event) => onChange({ ...choice, address: event.target.value })}
        />
      </label>
    </>
  );
}
