<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BulkConfirmDialog</name>
    <message numerus="yes">
        <source>Disable %n payment link(s)?</source>
        <translation>
            <numerusform>Disable %n payment link?</numerusform>
            <numerusform>Disable %n payment links?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable %n payment link(s)?</source>
        <translation>
            <numerusform>Enable %n payment link?</numerusform>
            <numerusform>Enable %n payment links?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disable %n link(s)</source>
        <translation>
            <numerusform>Disable %n link</numerusform>
            <numerusform>Disable %n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable %n link(s)</source>
        <translation>
            <numerusform>Enable %n link</numerusform>
            <numerusform>Enable %n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) will be skipped and left as they are: {reasons}.</source>
        <translation>
            <numerusform>%n link will be skipped and left as it is: {reasons}.</numerusform>
            <numerusform>%n links will be skipped and left as they are: {reasons}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkCounts</name>
    <message numerus="yes">
        <source>%Ln expired link(s)</source>
        <translation>
            <numerusform>%Ln expired link</numerusform>
            <numerusform>%Ln expired links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln used link(s) (limit of payments reached)</source>
        <translation>
            <numerusform>%Ln used link (limit of payments reached)</numerusform>
            <numerusform>%Ln used links (limit of payments reached)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s) already disabled</source>
        <translation>
            <numerusform>%Ln link already disabled</numerusform>
            <numerusform>%Ln links already disabled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s) already active</source>
        <translation>
            <numerusform>%Ln link already active</numerusform>
            <numerusform>%Ln links already active</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s) with a status LinkManager does not know</source>
        <translation>
            <numerusform>%Ln link with a status LinkManager does not know</numerusform>
            <numerusform>%Ln links with a status LinkManager does not know</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s) refused by the rules</source>
        <translation>
            <numerusform>%Ln link refused by the rules</numerusform>
            <numerusform>%Ln links refused by the rules</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkRunDialog</name>
    <message numerus="yes">
        <source>Disabling %n link(s) at a pace Lean accepts…</source>
        <translation>
            <numerusform>Disabling %n link at a pace Lean accepts…</numerusform>
            <numerusform>Disabling %n links at a pace Lean accepts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enabling %n link(s) at a pace Lean accepts…</source>
        <translation>
            <numerusform>Enabling %n link at a pace Lean accepts…</numerusform>
            <numerusform>Enabling %n links at a pace Lean accepts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disabled</source>
        <translation>
            <numerusform>%n disabled</numerusform>
            <numerusform>%n disabled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n enabled</source>
        <translation>
            <numerusform>%n enabled</numerusform>
            <numerusform>%n enabled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not attempted</source>
        <translation>
            <numerusform>%n not attempted</numerusform>
            <numerusform>%n not attempted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangesNotices</name>
    <message numerus="yes">
        <source>%Ln payment(s) collected</source>
        <translation>
            <numerusform>%Ln payment collected</numerusform>
            <numerusform>%Ln payments collected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln payment(s) failed</source>
        <translation>
            <numerusform>%Ln payment failed</numerusform>
            <numerusform>%Ln payments failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s) about to expire or near their limit</source>
        <translation>
            <numerusform>%Ln link about to expire or near its limit</numerusform>
            <numerusform>%Ln links about to expire or near their limit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>and %Ln more</numerusform>
            <numerusform>and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The sync could not update %Ln link(s); View &gt; Sync problems says why</source>
        <translation>
            <numerusform>The sync could not update %Ln link; View &gt; Sync problems says why</numerusform>
            <numerusform>The sync could not update %Ln links; View &gt; Sync problems says why</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Payment(s) collected</source>
        <translation>
            <numerusform>Payment collected</numerusform>
            <numerusform>Payments collected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Payment(s) failed</source>
        <translation>
            <numerusform>Payment failed</numerusform>
            <numerusform>Payments failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Link(s) about to expire or near their limit</source>
        <translation>
            <numerusform>Link about to expire or near its limit</numerusform>
            <numerusform>Links about to expire or near their limit</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangesRows</name>
    <message numerus="yes">
        <source>New payments (%Ln)</source>
        <translation>
            <numerusform>New payments (%Ln)</numerusform>
            <numerusform>New payments (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Payments whose status moved (%Ln)</source>
        <translation>
            <numerusform>Payments whose status moved (%Ln)</numerusform>
            <numerusform>Payments whose status moved (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Links whose status changed (%Ln)</source>
        <translation>
            <numerusform>Links whose status changed (%Ln)</numerusform>
            <numerusform>Links whose status changed (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Links about to expire or near their limit (%Ln)</source>
        <translation>
            <numerusform>Links about to expire or near their limit (%Ln)</numerusform>
            <numerusform>Links about to expire or near their limit (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln payment(s)</source>
        <translation>
            <numerusform>%Ln payment</numerusform>
            <numerusform>%Ln payments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s)</source>
        <translation>
            <numerusform>%Ln link</numerusform>
            <numerusform>%Ln links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s) new to this workstation.</source>
        <translation>
            <numerusform>%Ln link new to this workstation.</numerusform>
            <numerusform>%Ln links new to this workstation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s) could not be updated: View &gt; Sync problems says why.</source>
        <translation>
            <numerusform>%Ln link could not be updated: View &gt; Sync problems says why.</numerusform>
            <numerusform>%Ln links could not be updated: View &gt; Sync problems says why.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CopyFieldCounts</name>
    <message numerus="yes">
        <source>%Ln year(s)</source>
        <translation>
            <numerusform>%Ln year</numerusform>
            <numerusform>%Ln years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln month(s)</source>
        <translation>
            <numerusform>%Ln month</numerusform>
            <numerusform>%Ln months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hour(s)</source>
        <translation>
            <numerusform>%Ln hour</numerusform>
            <numerusform>%Ln hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln min</source>
        <translation>
            <numerusform>%Ln min</numerusform>
            <numerusform>%Ln min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CreateCounts</name>
    <message numerus="yes">
        <source>Lean has %n new link(s) that match ({what}): {ids}. LinkManager cannot tell whether one is from this attempt.</source>
        <translation>
            <numerusform>Lean has %n new link that match ({what}): {ids}. LinkManager cannot tell whether one is from this attempt.</numerusform>
            <numerusform>Lean has %n new links that match ({what}): {ids}. LinkManager cannot tell whether one is from this attempt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CredentialsCounts</name>
    <message numerus="yes">
        <source>The keyring ({backend}) still holds a client secret for profile {profile} after %n deletion(s)</source>
        <translation>
            <numerusform>The keyring ({backend}) still holds a client secret for profile {profile} after %n deletion</numerusform>
            <numerusform>The keyring ({backend}) still holds a client secret for profile {profile} after %n deletions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln character</numerusform>
            <numerusform>%Ln characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message numerus="yes">
        <source>Exporting %Ln row(s)…</source>
        <translation>
            <numerusform>Exporting %Ln row…</numerusform>
            <numerusform>Exporting %Ln rows…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to {path}</source>
        <translation>
            <numerusform>Exported %Ln row to {path}</numerusform>
            <numerusform>Exported %Ln rows to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportCounts</name>
    <message numerus="yes">
        <source>%Ln row(s) do not fit in one Excel sheet (at most {most} below the header); export to CSV instead, or narrow the filters.</source>
        <translation>
            <numerusform>%Ln row do not fit in one Excel sheet (at most {most} below the header); export to CSV instead, or narrow the filters.</numerusform>
            <numerusform>%Ln rows do not fit in one Excel sheet (at most {most} below the header); export to CSV instead, or narrow the filters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message numerus="yes">
        <source>Journal intact: %Ln entries.</source>
        <translation>
            <numerusform>Journal intact: %Ln entry.</numerusform>
            <numerusform>Journal intact: %Ln entries.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LifecycleCounts</name>
    <message numerus="yes">
        <source>This link has reached its limit of %Ln payment(s). Used links can never be used again; duplicate it as a new link instead.</source>
        <translation>
            <numerusform>This link has reached its limit of %Ln payment. Used links can never be used again; duplicate it as a new link instead.</numerusform>
            <numerusform>This link has reached its limit of %Ln payments. Used links can never be used again; duplicate it as a new link instead.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkDraftCounts</name>
    <message numerus="yes">
        <source>{currency} amounts have at most %n decimal place(s); {typed} has {count}.</source>
        <translation>
            <numerusform>{currency} amounts have at most %n decimal place; {typed} has {count}.</numerusform>
            <numerusform>{currency} amounts have at most %n decimal places; {typed} has {count}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkForm</name>
    <message numerus="yes">
        <source>{code} amounts have %Ln decimal place(s).</source>
        <translation>
            <numerusform>{code} amounts have %Ln decimal place.</numerusform>
            <numerusform>{code} amounts have %Ln decimal places.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkRowsCounts</name>
    <message numerus="yes">
        <source>Lean last reported it {reported}; it has reached its limit of %Ln payment(s), so it is shown as used.</source>
        <translation>
            <numerusform>Lean last reported it {reported}; it has reached its limit of %Ln payment, so it is shown as used.</numerusform>
            <numerusform>Lean last reported it {reported}; it has reached its limit of %Ln payments, so it is shown as used.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaymentsChart</name>
    <message numerus="yes">
        <source>Collected per day, last %Ln days (local days, {zone})</source>
        <translation>
            <numerusform>Collected per day, last %Ln days (local days, {zone})</numerusform>
            <numerusform>Collected per day, last %Ln days (local days, {zone})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No collected payments in the last %Ln days</source>
        <translation>
            <numerusform>No collected payments in the last %Ln days</numerusform>
            <numerusform>No collected payments in the last %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{amount} on %Ln day(s)</source>
        <translation>
            <numerusform>{amount} on %Ln day</numerusform>
            <numerusform>{amount} on %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Collected in the last %Ln days: {totals}.</source>
        <translation>
            <numerusform>Collected in the last %Ln days: {totals}.</numerusform>
            <numerusform>Collected in the last %Ln days: {totals}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintBatchCounts</name>
    <message numerus="yes">
        <source>%n link(s) left out: {kinds}</source>
        <translation>
            <numerusform>%n link left out: {kinds}</numerusform>
            <numerusform>%n links left out: {kinds}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expired</source>
        <translation>
            <numerusform>%n expired</numerusform>
            <numerusform>%n expired</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n used</source>
        <translation>
            <numerusform>%n used</numerusform>
            <numerusform>%n used</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disabled</source>
        <translation>
            <numerusform>%n disabled</numerusform>
            <numerusform>%n disabled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no QR code</source>
        <translation>
            <numerusform>%n no QR code</numerusform>
            <numerusform>%n no QR code</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>used: reached its limit of %Ln payment(s)</source>
        <translation>
            <numerusform>used: reached its limit of %Ln payment</numerusform>
            <numerusform>used: reached its limit of %Ln payments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintController</name>
    <message numerus="yes">
        <source>Print the QR code(s) of the %Ln selected link(s)</source>
        <translation>
            <numerusform>Print the QR code of the %Ln selected link</numerusform>
            <numerusform>Print the QR codes of the %Ln selected links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Save as PDF the QR code(s) of the %Ln selected link(s)</source>
        <translation>
            <numerusform>Save as PDF the QR code of the %Ln selected link</numerusform>
            <numerusform>Save as PDF the QR codes of the %Ln selected links</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintNoteCounts</name>
    <message numerus="yes">
        <source>QR printed %Ln time(s), last {date}</source>
        <translation>
            <numerusform>QR printed %Ln time, last {date}</numerusform>
            <numerusform>QR printed %Ln times, last {date}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>First: {first}
Last: {last}, {how}: {where}
%Ln print job(s) and saved file(s) in all.</source>
        <translation>
            <numerusform>First: {first}
Last: {last}, {how}: {where}
%Ln print job or saved file in all.</numerusform>
            <numerusform>First: {first}
Last: {last}, {how}: {where}
%Ln print jobs and saved files in all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its QR code is on %Ln printed item(s) since {date} — customers who scan them will see an error page.</source>
        <translation>
            <numerusform>Its QR code is on %Ln printed item since {date} — customers who scan it will see an error page.</numerusform>
            <numerusform>Its QR code is on %Ln printed items since {date} — customers who scan them will see an error page.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintWarningCounts</name>
    <message numerus="yes">
        <source>{name} has {left} of %Ln use(s) left: after that, customers who scan it see an error page.</source>
        <translation>
            <numerusform>{name} has {left} of %Ln use left: after that, customers who scan it see an error page.</numerusform>
            <numerusform>{name} has {left} of %Ln uses left: after that, customers who scan it see an error page.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfilesCounts</name>
    <message numerus="yes">
        <source>A profile name has at most %n character(s); {name} has {length}</source>
        <translation>
            <numerusform>A profile name has at most %n character; {name} has {length}</numerusform>
            <numerusform>A profile name has at most %n characters; {name} has {length}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The client ID is longer than %n character(s)</source>
        <translation>
            <numerusform>The client ID is longer than %n character</numerusform>
            <numerusform>The client ID is longer than %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QrCounts</name>
    <message numerus="yes">
        <source>the URL is too long for a QR code (%Ln character(s))</source>
        <translation>
            <numerusform>the URL is too long for a QR code (%Ln character)</numerusform>
            <numerusform>the URL is too long for a QR code (%Ln characters)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReconcileController</name>
    <message numerus="yes">
        <source>Stored %Ln matches.</source>
        <translation>
            <numerusform>Stored %Ln match.</numerusform>
            <numerusform>Stored %Ln matches.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %Ln row(s) to {path}.</source>
        <translation>
            <numerusform>Wrote %Ln row to {path}.</numerusform>
            <numerusform>Wrote %Ln rows to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReconcileResultDialog</name>
    <message numerus="yes">
        <source>%Ln line(s) matched</source>
        <translation>
            <numerusform>%Ln line matched</numerusform>
            <numerusform>%Ln lines matched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln proposal(s) to check</source>
        <translation>
            <numerusform>%Ln proposal to check</numerusform>
            <numerusform>%Ln proposals to check</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) without a payment</source>
        <translation>
            <numerusform>%Ln line without a payment</numerusform>
            <numerusform>%Ln lines without a payment</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln payment(s) without a line</source>
        <translation>
            <numerusform>%Ln payment without a line</numerusform>
            <numerusform>%Ln payments without a line</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %Ln confirmed matches need checking: Lean no longer reports their payments as collected.</source>
        <translation>
            <numerusform>⚠ %Ln confirmed match needs checking: Lean no longer reports its payment as collected.</numerusform>
            <numerusform>⚠ %Ln confirmed matches need checking: Lean no longer reports their payments as collected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) read</source>
        <translation>
            <numerusform>%Ln line read</numerusform>
            <numerusform>%Ln lines read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln debit(s) or zero amount(s) not matched</source>
        <translation>
            <numerusform>%Ln debit or zero amount not matched</numerusform>
            <numerusform>%Ln debits or zero amounts not matched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln proposal(s) rejected for now; nothing was stored.</source>
        <translation>
            <numerusform>%Ln proposal rejected for now; nothing was stored.</numerusform>
            <numerusform>%Ln proposals rejected for now; nothing was stored.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message numerus="yes">
        <source>…and %Ln more.</source>
        <translation>
            <numerusform>…and %Ln more.</numerusform>
            <numerusform>…and %Ln more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The search was cut to %Ln character(s).</source>
        <translation>
            <numerusform>The search was cut to %Ln character.</numerusform>
            <numerusform>The search was cut to %Ln characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>There are already %Ln saved view(s); delete some first.</source>
        <translation>
            <numerusform>There are already %Ln saved view; delete some first.</numerusform>
            <numerusform>There are already %Ln saved views; delete some first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message numerus="yes">
        <source>%Ln link(s) match; {via} through a payer value</source>
        <translation>
            <numerusform>%Ln link match; {via} through a payer value</numerusform>
            <numerusform>%Ln links match; {via} through a payer value</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatementCounts</name>
    <message numerus="yes">
        <source>No row among the first %n has a date in column {column}.</source>
        <translation>
            <numerusform>The first row has no date in column {column}.</numerusform>
            <numerusform>No row among the first %n has a date in column {column}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>none found in its first %n row(s)</source>
        <translation>
            <numerusform>none found in its first %n row</numerusform>
            <numerusform>none found in its first %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <source>%Ln link(s) could not be updated</source>
        <translation>
            <numerusform>%Ln link could not be updated</numerusform>
            <numerusform>%Ln links could not be updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Payments: {done} of %Ln link(s)</source>
        <translation>
            <numerusform>Payments: {done} of %Ln link</numerusform>
            <numerusform>Payments: {done} of %Ln links</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBarCounts</name>
    <message numerus="yes">
        <source>%Ln min ago</source>
        <translation>
            <numerusform>%Ln min ago</numerusform>
            <numerusform>%Ln min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln h ago</source>
        <translation>
            <numerusform>%Ln h ago</numerusform>
            <numerusform>%Ln h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) ago</source>
        <translation>
            <numerusform>%Ln day ago</numerusform>
            <numerusform>%Ln days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsagesSection</name>
    <message numerus="yes">
        <source>Collected {amount} from %Ln payment(s) · {count} / {limit} allowed</source>
        <translation>
            <numerusform>Collected {amount} from %Ln payment · {count} / {limit} allowed</numerusform>
            <numerusform>Collected {amount} from %Ln payments · {count} / {limit} allowed</numerusform>
        </translation>
    </message>
</context>
</TS>
