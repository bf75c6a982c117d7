<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>not stated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About LinkManager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LinkManager {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment links of Lean Technologies. Qt {qt}, Python {python}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder in the file manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The libraries it ships with and their licences (in bold: those LinkManager requires; the others are what those need):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Libraries and licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build carries no package metadata.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppProfiles</name>
    <message>
        <source>The API address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean refused these credentials: {error} Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named {name} already exists: choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cache</name>
    <message>
        <source>a stored link cannot be read back ({kind})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count the links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep the search index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mark unlisted links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prepare the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read a link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read a usage&apos;s history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the bank&apos;s columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the banks&apos; columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the sync problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the sync state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read usages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record the sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remember the bank&apos;s columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save a link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save sync problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save the matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save usages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>search the payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sort the payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suggest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undo the match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it can be rebuilt from Lean with `linkmanager sync --rebuild` (or Sync in the window), and your saved credentials are untouched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only file system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline cache {path} cannot be used because {reason}; {advice}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update LinkManager, or rebuild the cache from Lean with a full sync (your saved credentials are untouched)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update LinkManager to read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was written by a newer version of LinkManager (cache schema {found}; this version reads up to {supported})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline cache {path} is read-only ({reason}): it still answers reads, but nothing can be saved to it. To sync, copy it to a folder you can write to, or make this one writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline cache {path} holds no data yet and cannot be set up where it is ({reason}): open it once where it can be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline cache {path} was written by an older LinkManager (cache schema {found}; this version reads {supported}) and cannot be upgraded where it is ({reason}): open it once where it can be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: the offline cache {path} could not {doing}. Free some space on that disk and try again; nothing stored before is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline cache {path} has been closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem}: the file was altered or damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no permission to write to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its contents are damaged (SQLite says: {text})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite says: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it cannot be opened for reading and writing (SQLite says: {text})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline cache {path} could not {doing}: it is busy, probably open in another LinkManager window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline cache {path} could not {doing}: reading or writing the file failed ({text}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline cache {path} could not {doing} ({text}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder for the offline cache, {folder}, cannot be created ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it cannot be opened ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline cache {path} cannot be created ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no permission to read {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline cache {path} cannot be read ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a database (its first bytes are not an SQLite header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is cut short (the file ends inside the SQLite header)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline cache {path} cannot be read where it is ({reason}): its last changes are still in {wal}, which SQLite cannot read there without {shm}. Open it once where it can be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The damaged offline cache {path} could not be moved aside ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a stored usage cannot be read back ({kind})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it failed its integrity check ({summary})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline cache {path} cannot be read where it is: SQLite must create {shm} beside it to read it safely, but there is no permission to write to {folder}. Make that folder writable, or copy the cache to a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is an SQLite database of some other program, not a LinkManager cache</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <source>Disable this payment link?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers will see an error page and cannot start new payments. {way_back}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable this payment link?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers can pay through this link again. You can disable it again at any time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmStatusDialog</name>
    <message>
        <source>Disable link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} · Link ID {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount and link ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CopyField</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {span}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{span} ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy {label}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CopyFieldCounts</name>
    <message numerus="yes">
        <source>%Ln year(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln month(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Create</name>
    <message>
        <source>This link is already being sent to Lean: wait for its answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The earlier attempt had created it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean refused to create the link: {reason}. Nothing was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{error} Nothing was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An earlier attempt for reference {reference} did create a link: {link} ({amount}). Nothing new was sent. It is in the offline cache now (the list shows it after the next sync); disable it if it is wrong, or create this one again to have both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An earlier attempt for reference {reference} is still unsettled. {finding} Nothing new was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It could not be saved to the offline cache ({error}); the next sync will add it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount}, reference {reference}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean&apos;s answer to the create request was lost, so LinkManager looked for the link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for it failed ({error}), so it may or may not exist ({what}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look again to ask Lean once more: nothing is sent until LinkManager knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was created once, as link {link}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean has no such link ({what}): it was not created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is safe to try again; LinkManager will look once more before sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync and look at them before creating another.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateController</name>
    <message>
        <source>Create a new payment link (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new link with this link&apos;s amount, reference, identifiers, limit and customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a link to duplicate it as a new link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: Lean cannot be reached ({reason}). Creating needs a connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create payment link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate as new link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its expiry ({when}) has passed, so the new link has none: set one if needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original has no usage limit; a new link gets Lean&apos;s default of {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment link created: {name} ({id}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateCounts</name>
    <message numerus="yes">
        <source>Lean has %n new link(s) that match ({what}): {ids}. LinkManager cannot tell whether one is from this attempt.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CreateLinkDialog</name>
    <message>
        <source>Duplicate as new link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create payment link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new link with the payment details of “{name}”. Nothing is sent until you press Create link; the original stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A link cannot be changed once created: check the amount, reference and expiry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please correct the fields marked above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean refused the link; the form is as you typed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem} The form keeps what was sent until then; Cancel closes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to Lean… Creating is never repeated automatically; please wait for the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: Lean cannot be reached ({reason}). Creating needs a connection; the form keeps what you typed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>No secure keyring is available: install and start GNOME Keyring or KWallet (Secret Service), or unlock your login keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring is locked: unlock it (log in to the desktop, or run `gnome-keyring-daemon --unlock`) and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{backend} stores nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{backend} keeps secrets in a file, which LinkManager refuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{backend} is unusable here: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{backend} is not a recommended keyring (priority {priority})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keyring library found no backend at all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client secret for profile {profile} is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring ({backend}) did not keep the client secret for profile {profile}: reading it back found nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring ({backend}) did not keep the client secret for profile {profile}: reading it back gave a different value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{locked} (keyring backend: {backend})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store the client secret for profile {profile} in the keyring ({backend}): {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read back the client secret for profile {profile} in the keyring ({backend}): {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the client secret for profile {profile} in the keyring ({backend}): {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not look up the client secret for profile {profile} in the keyring ({backend}): {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the client secret for profile {profile} in the keyring ({backend}): {detail}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialsCounts</name>
    <message numerus="yes">
        <source>The keyring ({backend}) still holds a client secret for profile {profile} after %n deletion(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailActions</name>
    <message>
        <source>&amp;Disable link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link &amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link &amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save QR code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy QR &amp;image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable or enable the selected link (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected link&apos;s URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected link&apos;s ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes cannot be sent to Lean right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop payments through this link (asks first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let customers pay through this link again (asks first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enable link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Link details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a link to see its details, QR code and usages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirect URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked of the payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} (no limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Successful payments / the link&apos;s limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean last said {said}; the app judges it {judged} now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by Lean {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean&apos;s list of links has not included this link since {when}; what is shown is the last copy the app has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing: payers go straight to payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Endpoints</name>
    <message>
        <source>The profile {name} cannot be used: its {field} {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExpiryField</name>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry, your local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry with its time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never expires: it stays active until disabled or used up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires {when}, your time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In UTC: {when}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder; type a file name for the export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LinkManager could not create a temporary file beside {path}; choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is not enough disk space to export {path}; free some space or choose another disk, then export again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} could not be replaced; close it if another program (such as Excel) has it open, or choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LinkManager is not allowed to write in {folder}; choose a folder you can write to, such as Documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {folder} does not exist; choose an existing folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder} is not a folder; choose an existing folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name {path} is too long; choose a shorter name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} could not be written ({reason}); choose another place and export again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the rows and columns shown, as an Excel workbook or CSV (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV for Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export {view}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exporting %Ln row(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to {path}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportCounts</name>
    <message numerus="yes">
        <source>%Ln row(s) do not fit in one Excel sheet (at most {most} below the header); export to CSV instead, or narrow the filters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdentifierRow</name>
    <message>
        <source>Field type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Your email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Your mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Invoice number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label shown to the payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> chars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most characters the payer can type (1 to 255)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this field</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentifierRows</name>
    <message>
        <source>Fields to collect from the payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer is asked for nothing before paying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a field…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a field to collect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <source>Lean reports the status {status}, which LinkManager does not know yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link is already active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link is already disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only Lean sets a link to expired; you can only disable or enable it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only Lean sets a link to used; you can only disable or enable it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only Lean sets a link to {status}; you can only disable or enable it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link expired. Expired links can never be used again; duplicate it as a new link instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link expired on {when}. Expired links can never be used again; duplicate it as a new link instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link has reached its limit of payments. Used links can never be used again; duplicate it as a new link instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can re-enable it at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can re-enable it until {when}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LifecycleCounts</name>
    <message numerus="yes">
        <source>This link has reached its limit of %Ln payment(s). Used links can never be used again; duplicate it as a new link instead.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkController</name>
    <message>
        <source>Offline: Lean cannot be reached ({reason}). Changes need a connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the change to Lean…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link {name} disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link {name} enabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{error}

Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkDraft</name>
    <message>
        <source>The link is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the amount to charge, e.g. 1500.00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the amount with digits and a point for decimals, e.g. 1500.00 (not {typed}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That amount is too large: it must be less than 1,000,000,000,000,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{currency} amounts have no decimals; {typed} has {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{typed} can be read two ways for {currency}, which has {digits} decimal places: write {whole} or {padded} for the whole amount, or {pointed} if the comma marks decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The usage limit must be a whole number of at least 1 (1 for a single payment).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The usage limit can be at most {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the expiry as a date and a time, e.g. 2026-07-01T18:00 (not {typed}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the expiry as ISO-8601, e.g. 2026-07-01T18:00 or 2026-07-01T14:00Z (not {typed}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when} does not exist in your time zone (the clocks go forward then): choose another time, or give an offset, e.g. {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when} happens twice in your time zone (the clocks go back then): add the offset you mean, {first} or {second}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what to ask for: {types}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The character limit must be from {low} to {high}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label cannot hold line breaks or tabs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a currency by its ISO 4217 code, e.g. AED.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a reference: it appears on the payer&apos;s bank statement and yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference cannot hold line breaks or tabs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment purpose must be one of Lean&apos;s codes: {codes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The destination account ID must be a UUID like {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiry has passed: choose a time in the future, or no expiry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redirect URL must be a complete https:// address, e.g. https://shop.example.com/thanks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer ID must be a UUID like {example}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkDraftCounts</name>
    <message numerus="yes">
        <source>{currency} amounts have at most %n decimal place(s); {typed} has {count}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkForm</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For you only: payers never see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: shown on the payer&apos;s bank statement and yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1,000 (Lean&apos;s default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirect URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… (optional, registered with Lean)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional UUID from your system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional UUID: Lean&apos;s default account otherwise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Availability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the payer for</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{code} amounts have %Ln decimal place(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{code} amounts have no decimals.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkRows</name>
    <message>
        <source>Matched in a value a payer entered (a usage of this link), not in the link itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{status} · not listed by Lean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by Lean {local} ({utc}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean last reported it {reported}; its expiry ({expiry}) has passed, so it is shown as expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean&apos;s full listing of {when} did not include this link (it may have been removed at Lean); shown as last confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean reports a status LinkManager does not know yet; it is shown as it came.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkRowsCounts</name>
    <message numerus="yes">
        <source>Lean last reported it {reported}; it has reached its limit of %Ln payment(s), so it is shown as used.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkStatus</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinksTableModel</name>
    <message>
        <source>Link ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>LinkManager — {profile}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search links, references, payer values…  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the payments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync with Lean now (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search (Ctrl+F or /)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder where LinkManager keeps its profiles, caches and settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About LinkManager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the &amp;outcomes mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search payments…  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Matches</name>
    <message>
        <source>Line {line} is matched twice in one confirmation; nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment for line {line} is no longer in the cache; nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment {payment} is already matched to line {line} of {statement}; nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line} is already matched (as line {earlier} of {statement}); nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <source>LinkManager — what happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Offline — Lean could not be reached ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next try at {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no complete answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean or the network is slow right now: try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its address could not be looked up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this computer&apos;s network connection, and that the profile&apos;s Lean address is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secure connection could not be verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A proxy or firewall may be intercepting the connection, or this computer&apos;s date and time are wrong: check them, or ask whoever runs your network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this computer&apos;s network connection; the offline cache still answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean could not be reached for {profile} ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LinkManager tries again at {time} by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean did not accept the client secret of {profile}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may have been revoked or replaced in Lean&apos;s dashboard: enter the current client ID and secret in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in refused — Lean did not accept the client secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean does not allow {profile} to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application&apos;s access level does not cover Payment Links: check the profile&apos;s client ID, or ask Lean to enable Payment Links for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access refused — Lean does not allow this application to do that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean asked to wait {seconds} s: try again after that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a minute, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean is limiting the requests of {profile}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limited — Lean asked LinkManager to wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean&apos;s server failed to answer {profile} (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fault is on Lean&apos;s side and usually passes: try again in a few minutes. If it lasts, give Lean&apos;s support the Details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean&apos;s server failed (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean did not allow the change to the link: {why}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only Active and Disabled links can be switched: sync to see the link as it is now, or create a new link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean did not find what {profile} asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the profile&apos;s Lean address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link may be gone at Lean: sync to see what Lean holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found at Lean (HTTP 404).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean refused the request of {profile}: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed; the Details show what Lean answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean refused the request (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean sent {profile} an answer LinkManager cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was stored from it: try again later. If it repeats, give Lean&apos;s support the Details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean sent an answer LinkManager cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync interrupted — {done} of %Ln link(s) updated; the rest keeps its previous data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new link may or may not exist at Lean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean accepted the change to {status}, but reading the link back failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change happened: sync to see the link as it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change sent; reading the link back failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change is not allowed for the link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install and start GNOME Keyring or KWallet (Secret Service), or unlock your login keyring; LinkManager never keeps the secret in a plain file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring holding the client secret of {profile} is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock it (log in to the desktop, or run `gnome-keyring-daemon --unlock`), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyring locked — the client secret cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client secret is stored for {profile}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter it again in the profile (Lean&apos;s dashboard issues a new one if it is lost); the offline cache is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client secret — the keyring holds none for this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secure keyring is available to hold the client secret of {profile}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring could not give the client secret of {profile}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secure keyring — the client secret cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline cache of {profile} is read-only ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It still answers reads, but nothing can be saved to it: to sync, copy it to a folder you can write to, or make this one writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only cache — syncing is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update LinkManager, or rebuild the cache from Lean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is damaged: rebuild it from Lean with a full sync (your saved credentials are untouched).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline cache of {profile} cannot be used because {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline cache unusable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding the offline cache of {profile} is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free some space on that disk and try again; nothing stored before is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk full — the offline cache cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline cache problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something unexpected stopped the work of {profile}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing cached before was lost. Please report it, with the Details, to whoever supports LinkManager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error — please report it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LinkManager keeps the client secret only in the system&apos;s keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux: GNOME Keyring or KWallet through Secret Service (packages gnome-keyring or kwalletmanager), unlocked when you log in. macOS: the login Keychain. Windows: Credential Locker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once the keyring works, choose Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyring help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run `{command}`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile {name} ({environment})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile: {profile}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request: {method} {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request: {request}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean said: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean&apos;s request id: {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoMatchNote</name>
    <message>
        <source>Search result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No link matches “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did you mean: {names}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the spelling, or search for fewer words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions: {names}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomeLegend</name>
    <message>
        <source>the bank accepted or processed the payment (ACCEPTED_BY_BANK, PROCESSED)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a payment was created and the bank has not decided yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the attempt failed, or the bank rejected, failed or cancelled the payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the payer began, no payment exists yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the attempt expired (no payment within 30 minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a status Lean has not documented; shown as it came</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending with bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{outcome} — {rule}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the outcomes mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every payment attempt falls in exactly one outcome:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentPurpose</name>
    <message>
        <source>Financial services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telecommunication services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile wallet card payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own account transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rent payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loan charges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal investments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goods bought or sold</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentsChart</name>
    <message>
        <source>Payments chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes for this filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No payments for this filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data to show yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day}: {amount} collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Collected per day, last %Ln days (local days, {zone})</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No collected payments in the last %Ln days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Collected today ({zone})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No collected payments today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{none} for this filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{amount} on %Ln day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Collected in the last %Ln days: {totals}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Collected today: {totals}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{none} for this filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{outcome} {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{collected} Payments for this filter by outcome: {outcomes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected per day chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentsController</name>
    <message>
        <source>Reading the payments from the offline cache…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payments could not be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No payment matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentsModel</name>
    <message>
        <source>Seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already there when this workstation first read the link&apos;s payments, at {when}. Lean sends no payment times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen by this workstation at {when} (Lean sends no payment times).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>All dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All currencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day of the range (included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day of the range (included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any link status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What do these mean?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No payments in this view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} · {amount}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentsTableModel</name>
    <message>
        <source>(damaged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean sent a bank status this application does not know: {status}. Shown as sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean sent a usage status this application does not know: {status}. Shown as sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintBatch</name>
    <message>
        <source>Sizes are numbers of mm, not {code} and {margin}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error correction is one of {levels}, not {level}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A grid has 1 to 10 columns and 1 to 20 rows, not {columns} × {rows}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A card holds one link a page; only labels have a grid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A receipt holds one link a page; only labels have a grid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR code must be at least {least} mm wide to scan reliably; {asked} mm was asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margins of {margin} mm do not fit on {paper}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A {code} mm QR code with its text needs {width} × {height} mm, but a {columns} × {rows} grid on {paper} with {margin} mm margins leaves labels of {cell_width} × {cell_height} mm. Choose a smaller code, fewer labels or larger paper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A {code} mm QR code with its text needs {width} × {height} mm, but {paper} with {margin} mm margins leaves {cell_width} × {cell_height} mm. Choose a smaller code, fewer labels or larger paper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper is one of {papers}, not {paper}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A receipt prints on an 80 mm roll; it takes no paper size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: its long URL makes modules of {size} mm, which phones may not read; print the code at least {needed} mm wide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its URL cannot be a QR code: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired on {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled (it can be printed on request, marked DISABLED)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean reports the status {status}, which LinkManager does not know</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintBatchCounts</name>
    <message numerus="yes">
        <source>%n link(s) left out: {kinds}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expired</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n used</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disabled</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no QR code</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>used: reached its limit of %Ln payment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintChoices</name>
    <message>
        <source>Counter card (A6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter card (A5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt (80 mm roll)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label sheet (A4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label sheet (Letter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintController</name>
    <message>
        <source>Select one or more links in the table to print their QR codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To print disabled links marked DISABLED, use Print QR… and tick &quot;Include disabled links&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print QR…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save QR as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Print the QR code(s) of the %Ln selected link(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Save as PDF the QR code(s) of the %Ln selected link(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save QR codes as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be saved to {path}:
{error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some links left out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintOutput</name>
    <message>
        <source>{path} could not be written (is the folder writable?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the page size could not be set for {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment link QR codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment link QR code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintPainter</name>
    <message>
        <source>Scan to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference {reference}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No expiry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link ID {id}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Print QR codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include disabled links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print disabled links too, each marked DISABLED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English and Arabic caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label columns on a sheet: match the label stock in the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label rows on a sheet: match the label stock in the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to print: every selected link is left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be saved to {path}:
{error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemNotice</name>
    <message>
        <source>Not updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsController</name>
    <message>
        <source>Sync &amp;problems…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The links a sync could not update, and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That link is not in the table any more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsTableModel</name>
    <message>
        <source>(list of links)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link: {link}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened: {label} ({code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since: {local}, {utc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last met: {utc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Lean sent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of links itself: links on the part that was not read keep their last copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link ID: {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First met: {utc}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileFormDialog</name>
    <message>
        <source>Edit profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to Lean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Dubai store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean&apos;s test environment: no real money moves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live payments: real customers and real money.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Lean deployment, or a proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From Lean&apos;s dashboard: Settings, Applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the secret stored in the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in your system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment re-check interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a link&apos;s payments may go unchecked: a sync reads them again from Lean once they are older than this, so a payment that completes or fails later is still seen. Shorter is fresher; longer sends fewer requests to Lean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One profile is one Lean application in one environment. The client ID and secret are in Lean&apos;s dashboard; the secret is kept in your system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-check payments at least every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile&apos;s name cannot change: its keyring entry and cache are named after it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the profile a name, e.g. Sandbox or Dubai store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the client ID from Lean&apos;s dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the client secret from Lean&apos;s dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the API address, e.g. https://api.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the OAuth token address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking with Lean and saving the secret to your system keyring…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileMenu</name>
    <message>
        <source>&amp;Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Switch profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit this profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo profile has nothing to edit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileSwitcherDialog</name>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each profile is one Lean application in one environment, with its own offline cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{environment} profile {name} at {address}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Profiles</name>
    <message>
        <source>A profile name cannot be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile name cannot start or end with a space: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile name may hold only letters, digits, spaces, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;: {name} has {char}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile needs a client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client ID has spaces or control characters around or in it: {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named {name} already exists (names ignore case): choose another name or remove it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile named {name}. Profiles: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profiles file {path} is damaged ({reason}): fix it or move it away; LinkManager will not overwrite it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the profiles file {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profiles file {path} was written by a newer LinkManager (format {found}; this version reads format {supported}): update LinkManager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the profiles file {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}  —  {environment} · {address}  (open now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}  —  {environment} · {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilesCounts</name>
    <message numerus="yes">
        <source>A profile name has at most %n character(s); {name} has {length}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The client ID is longer than %n character(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Qr</name>
    <message>
        <source>it is not a payment page LinkManager will encode: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this code needs at least {needed} pixels, not {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a printed QR code is at least {least} mm wide, not {size} mm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QrCounts</name>
    <message numerus="yes">
        <source>the URL is too long for a QR code (%Ln character(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QrPanel</name>
    <message>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save QR code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the QR code as a PNG image or an SVG drawing for print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy QR image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the QR code on the clipboard as an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No QR code. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link is disabled: customers who scan the code see an error page. Saved and copied codes carry the DISABLED mark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans to the payment page. Saved codes keep a white margin; print at least 2 cm wide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No QR code: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The QR code could not be saved to {path}:
{reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconcileController</name>
    <message>
        <source>Could not {doing} ({kind}); nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconcile bank &amp;statement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match a bank statement (CSV or Excel) to the collected payments, then confirm the matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a bank statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated after the sync at {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stored %Ln matches.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>store the matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The match of line {line} was undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line} was no longer matched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undo the match</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrote %Ln row(s) to {path}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>export the reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconcileMappingDialog</name>
    <message>
        <source>Reconcile bank statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bank whose columns were remembered, or a new bank&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Emirates NBD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Value Date, or B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Credit, or D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: every line is in the default currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Narration, or C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose each column from the statement&apos;s titles, or write its title, its letter (A, B, …) or its number (1, 2, …). Dates are read day first (DD/MM/YYYY).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the statement has a currency column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember for this bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember for this bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next time, choosing this bank fills in these columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the statement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read &amp;statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the statement with these columns and propose matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bank:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;currency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A column title from the statement, a letter (A, B, …) or a number (1, 2, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which column holds the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which column holds the amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which column holds the description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} is not a currency code such as AED or SAR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the bank to remember its columns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconcileModels</name>
    <message>
        <source>payment ID in the description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference and amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unique amount within 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link ID: {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked: stored by Confirm checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ Payment ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed on {date}, but Lean now reports this payment as {status}: check the bank statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ {status}: check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found on the first look at its link: paid some time before it was seen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When this computer first saw the payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed matches ({n}, {check} to check)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed matches ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposals to check ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement lines without a payment ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected payments without a line ({n})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconcileResultDialog</name>
    <message>
        <source>Reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposals to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement lines without a payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected payments without a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncheck a&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncheck every proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the selected proposals for now; nothing is stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the checked proposals as matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the selected confirmed match (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the whole result to a CSV or Excel file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) matched</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln proposal(s) to check</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) without a payment</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln payment(s) without a line</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %Ln confirmed matches need checking: Lean no longer reports their payments as collected.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) read</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln debit(s) or zero amount(s) not matched</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{name}: {read}, {debits}; columns {columns}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln proposal(s) rejected for now; nothing was stored.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Undo the match of line {line} with payment {payment}? Both go back to unmatched; the line can be matched again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm checked ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing can be stored: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reconciliation</name>
    <message>
        <source>The columns are not remembered for the bank: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export is a .csv or .xlsx file, not {name}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type at least 3 characters to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s) match; {via} through a payer value</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not searched for (under 3 characters, among more than {most} links): {words}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system (now: {name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latin (0123456789)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arabic-Indic (٠١٢٣٤٥٦٧٨٩)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digits in Arabic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How amounts, dates and counts are written when the interface is in Arabic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Digits in Arabic:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LinkManager will use this from its next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Offline cache damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem}

Move the damaged file aside and start with an empty cache? The next sync fills it again from Lean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo&apos;s simulated Lean server cannot start on this computer: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every command is also in a menu. / and ? work when the cursor is not in a text field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Anywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next or previous control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up, Down, Page Up, Page Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move through the rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links: go to the selected link&apos;s actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usages: open the usage in the drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments: open the payment&apos;s link and the payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu, Shift+F10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The row&apos;s menu (links: copy, disable or enable…; usages: copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the usage drawer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Statement</name>
    <message>
        <source>{path} cannot be read: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is larger than 50 MB: import a shorter period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is an old Excel (.xls) workbook: save it as .xlsx or CSV and import that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is a PDF: ask the bank for the CSV or Excel statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is a web page (HTML or XML), not CSV or XLSX: open it in Excel and save it as .xlsx.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is a zip archive but not an Excel workbook (.xlsx).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a CSV or XLSX file: it holds binary data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} unpacks to more than 300 MB: that is no bank statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a workbook Excel can open ({kind}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is damaged and cannot be read ({kind}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With no currency column, say which currency the lines are in (e.g. AED).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cell of {name} holds more than {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not a CSV file this program can read ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statement has no column &apos;{column}&apos;; its columns are: {titles}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statement has more than {limit} rows: import a shorter period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line}: a cell holds more than {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line}: the date is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line}: the date &apos;{date}&apos; is not a date (read day first, DD/MM/YYYY).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line}: the amount &apos;{amount}&apos; is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line}: the currency &apos;{currency}&apos; is not a currency code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line}: the amount says {written}, the currency column {column}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line}: the currency is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatementCounts</name>
    <message numerus="yes">
        <source>No row among the first %n has a date in column {column}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>none found in its first %n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>PRODUCTION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production: real customers and real money. Changes take effect at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox: Lean&apos;s test environment; no real money moves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: a simulated Lean server on this computer with made-up data. Nothing leaves this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUSTOM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A custom Lean address set in this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced {when} ({ago})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean&apos;s answers for some links could not be used: the app shows its last good copy of them. Click to see which links and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the sync; everything synced so far is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync with Lean now (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean cannot be reached: showing the offline cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean answered the last request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click for details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No complete sync has finished yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last complete sync: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s) could not be updated</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Synced — {links}; part of the list of links could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced — {links}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced — part of the list of links could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading links…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links: page %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Payments: {done} of %Ln link(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBarCounts</name>
    <message numerus="yes">
        <source>%Ln min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln h ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusStyle</name>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending with bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted by bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected by bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StorageProfileBook</name>
    <message>
        <source>Choose Sandbox, Production or a custom address, not {environment}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync every {low} to {high} minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-check payments every {low} to {high} minutes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>This profile&apos;s offline cache is read-only ({reason}): it shows what it holds, but nothing can be synced into it. Copy it to a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only cache: syncing is off ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync cancelled; everything cached before is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back online: Lean can be reached again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncProblems</name>
    <message>
        <source>Lean&apos;s answer could not be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not updated since {when}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not updated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is shown is Lean&apos;s last answer, confirmed {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its usages have not been read from Lean yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First met: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last met: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lean&apos;s last answer: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View &gt; Sync problems… lists every problem and what Lean sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncProblemsDialog</name>
    <message>
        <source>Sync problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sync could not use Lean&apos;s answers for these. The app shows Lean&apos;s last good answer until a sync reads them cleanly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Lean sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected problem as plain text (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select this link in the window and close this list (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync problems table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was kept of Lean&apos;s answer for this problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link is not in the cache, so it cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncProblemsModel</name>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usages could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed usages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usages that contradict themselves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed link record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page of links could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impossible page totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links missing from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error inside LinkManager</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Urls</name>
    <message>
        <source>there is no address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address holds spaces or invisible characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address is not a URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not an https:// address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address carries a user name or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot contain spaces: {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a valid address: {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has a port that is not a number from 0 to 65535: {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not carry a user name or password (the client secret is kept in the keyring): {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an absolute https:// address, not {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must use https:// (plain http only for this computer): {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not carry a query or fragment: {address}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsageDrawer</name>
    <message>
        <source>Usage details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close usage details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen by this workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the payer entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing: the link asks for no details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>References</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank has not reported on this payment yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As reported by the bank: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen before {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when}: {status}, bank {was} → {bank}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsagesSection</name>
    <message>
        <source>Usages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating from Lean…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible double charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usages table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usages ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as of {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not read from Lean yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Collected {amount} from %Ln payment(s) · {count} / {limit} allowed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>More collected payments than the link allows: a payer may have been charged twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same payment ID appears on more than one usage: {ids}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open usage details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy usage ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy payment ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsagesTableModel</name>
    <message>
        <source>Usage ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This payment holds what the search box asks for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bank has not reported on this payment yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As reported by the bank: {status}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to LinkManager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find your Lean payment links, see who paid, share and print their QR codes, and review everything offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LinkManager logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to Lean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your application&apos;s client ID and secret from Lean&apos;s dashboard (Sandbox or Production). The secret is kept in your system keyring, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore with demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try every feature against a simulated Lean server on this computer, with made-up links and customers paying. Nothing is sent anywhere, and nothing is kept when you close it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
